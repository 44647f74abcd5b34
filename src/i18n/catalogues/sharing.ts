/** Messages of plan sharing: member errors, invitation e-mails, role names. */
export const sharingEn = {
  "error.already_member": "{email} is already a member of this plan ({role}); nothing was changed.",
  "error.already_invited": "{email} is already invited to this plan; nothing was changed.",
  "error.owner_role_fixed":
    "The owner of a plan stays its owner: transfer the ownership to another member first.",
  "error.invitation_invalid":
    "This invitation link is no longer valid: it was withdrawn or already used. Ask the person who invited you to send it again.",
  "error.invitation_other_address":
    "This invitation was sent to {email}: sign in (or sign up) with that address to accept it.",

  "sharing.role.owner": "owner",
  "sharing.role.co_owner": "co-owner",
  "sharing.role.editor": "editor",
  "sharing.role.commenter": "commenter",
  "sharing.role.reader": "reader",

  "sharing.mail.invite.subject": "{inviter} invites you to a data management plan on Carnet",
  "sharing.mail.invite.text":
    "Hello,\n\n{inviter} ({inviterEmail}) invites you to work on the data management plan “{title}” on Carnet, as {role}.\n\nOpen this link to join it — it lets you create your Carnet account with this e-mail address ({email}), or sign in if you have one:\n\n{link}\n\nThe link is personal: do not pass it on. If you do not know {inviter}, ignore this e-mail.\n\n— Carnet",
} as const;

export const sharingFr: Record<keyof typeof sharingEn, string> = {
  "error.already_member": "{email} est déjà membre de ce plan ({role}) ; rien n’a été changé.",
  "error.already_invited": "{email} est déjà invité·e sur ce plan ; rien n’a été changé.",
  "error.owner_role_fixed":
    "Le propriétaire d’un plan le reste : transférez d’abord la propriété à un autre membre.",
  "error.invitation_invalid":
    "Ce lien d’invitation n’est plus valable : l’invitation a été retirée ou déjà utilisée. Demandez à la personne qui vous a invité·e de vous l’envoyer à nouveau.",
  "error.invitation_other_address":
    "Cette invitation a été envoyée à {email} : connectez-vous (ou créez un compte) avec cette adresse pour l’accepter.",

  "sharing.role.owner": "propriétaire",
  "sharing.role.co_owner": "copropriétaire",
  "sharing.role.editor": "éditeur·rice",
  "sharing.role.commenter": "commentateur·rice",
  "sharing.role.reader": "lecteur·rice",

  "sharing.mail.invite.subject": "{inviter} vous invite sur un plan de gestion de données dans Carnet",
  "sharing.mail.invite.text":
    "Bonjour,\n\n{inviter} ({inviterEmail}) vous invite à travailler sur le plan de gestion de données « {title} » dans Carnet, en tant que {role}.\n\nOuvrez ce lien pour le rejoindre — il vous permet de créer votre compte Carnet avec cette adresse e-mail ({email}), ou de vous connecter si vous en avez un :\n\n{link}\n\nCe lien est personnel : ne le transmettez pas. Si vous ne connaissez pas {inviter}, ignorez ce message.\n\n— Carnet",
};
