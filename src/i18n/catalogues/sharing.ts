/** Messages of plan sharing: member errors, invitation e-mails, role names. */
export const sharingEn = {
  "error.already_member": "{email} is already a member of this plan ({role}); nothing was changed.",
  "error.already_invited": "{email} is already invited to this plan; nothing was changed.",
  "error.owner_role_fixed":
    "The owner of a plan stays its owner: transfer the ownership to another member first.",

  "sharing.role.owner": "owner",
  "sharing.role.co_owner": "co-owner",
  "sharing.role.editor": "editor",
  "sharing.role.commenter": "commenter",
  "sharing.role.reader": "reader",

  "sharing.mail.invite.subject": "{inviter} invites you to a data management plan on Carnet",
  "sharing.mail.invite.text":
    "Hello,\n\n{inviter} ({inviterEmail}) invites you to work on the data management plan “{title}” on Carnet, as {role}.\n\nCreate your Carnet account with this e-mail address ({email}) to join it:\n\n{link}\n\nThe plan will be waiting for you once you have signed up. If you do not know {inviter}, ignore this e-mail.\n\n— Carnet",
} as const;

export const sharingFr: Record<keyof typeof sharingEn, string> = {
  "error.already_member": "{email} est déjà membre de ce plan ({role}) ; rien n’a été changé.",
  "error.already_invited": "{email} est déjà invité·e sur ce plan ; rien n’a été changé.",
  "error.owner_role_fixed":
    "Le propriétaire d’un plan le reste : transférez d’abord la propriété à un autre membre.",

  "sharing.role.owner": "propriétaire",
  "sharing.role.co_owner": "copropriétaire",
  "sharing.role.editor": "éditeur·rice",
  "sharing.role.commenter": "commentateur·rice",
  "sharing.role.reader": "lecteur·rice",

  "sharing.mail.invite.subject": "{inviter} vous invite sur un plan de gestion de données dans Carnet",
  "sharing.mail.invite.text":
    "Bonjour,\n\n{inviter} ({inviterEmail}) vous invite à travailler sur le plan de gestion de données « {title} » dans Carnet, en tant que {role}.\n\nCréez votre compte Carnet avec cette adresse e-mail ({email}) pour le rejoindre :\n\n{link}\n\nLe plan vous attendra une fois votre compte créé. Si vous ne connaissez pas {inviter}, ignorez ce message.\n\n— Carnet",
};
