/** Messages of accounts: sign-in errors, password reset e-mail, the `carnet user` command. */
export const accountsEn = {
  "error.invalid_credentials": "The e-mail address or the password is wrong.",
  "error.read_only_token": "This API token can only read; create a read-write token to make changes.",
  "error.session_required": "This needs a signed-in session in the browser; API tokens cannot do it.",
  "error.csrf_failed":
    "The request lacks its anti-forgery token. Reload the page and try again (API clients: send X-CSRF-Token).",
  "error.email_taken": "An account already uses this e-mail address. Sign in, or reset its password.",
  "error.reset_token_invalid":
    "This password reset link is invalid, expired or already used. Ask for a new one.",

  "accounts.mail.reset.subject": "Reset your Carnet password",
  "accounts.mail.reset.text":
    "Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Carnet account {email}.\nTo choose a new password, open this link within {minutes} minutes:\n\n{link}\n\nIf you did not ask for this, ignore this e-mail: your password stays as it is.\n\n— Carnet",
  "accounts.mail.reset.logged":
    "No SMTP server configured (SMTP_URL); password reset link for {email}: {link}",

  "cli.user.description": "Manage user accounts.",
  "cli.user.create.description": "Create a user account (e.g. the first administrator).",
  "cli.user.option.email": "e-mail address of the account",
  "cli.user.option.name": "display name (default: the part of the e-mail before @)",
  "cli.user.option.admin": "make the account a super administrator",
  "cli.user.option.password_stdin": "read the password from standard input instead of generating one",
  "cli.user.option.language": "preferred language of the account: en or fr (default en)",
  "cli.user.created": "Account {email} created ({role}).",
  "cli.user.generated_password": "Generated password (shown once, change it after signing in): {password}",
  "cli.user.email_taken": "An account already uses {email}.",
  "cli.user.invalid": "Invalid account details: {problems}",
  "cli.user.password_stdin_empty": "No password was given on standard input.",

  "api.docs.intro":
    "Every operation of the Carnet API. Browsers authenticate with the session cookie (writes need the X-CSRF-Token header); scripts with a personal token (Authorization: Bearer). Machine-readable description:",
  "api.docs.auth": "Authentication:",
  "api.docs.no_auth": "none",
  "api.docs.parameters": "Parameters:",
  "api.docs.body": "Request body (JSON Schema)",
  "api.docs.responses": "Responses:",
} as const;

export const accountsFr: Record<keyof typeof accountsEn, string> = {
  "error.invalid_credentials": "L’adresse e-mail ou le mot de passe est incorrect.",
  "error.read_only_token":
    "Ce jeton d’API ne permet que la lecture ; créez un jeton en lecture-écriture pour modifier.",
  "error.session_required":
    "Cette action demande une session ouverte dans le navigateur ; un jeton d’API ne suffit pas.",
  "error.csrf_failed":
    "Il manque à la requête son jeton anti-falsification. Rechargez la page et réessayez (clients d’API : envoyez X-CSRF-Token).",
  "error.email_taken":
    "Un compte utilise déjà cette adresse e-mail. Connectez-vous ou réinitialisez son mot de passe.",
  "error.reset_token_invalid":
    "Ce lien de réinitialisation est invalide, expiré ou déjà utilisé. Demandez-en un nouveau.",

  "accounts.mail.reset.subject": "Réinitialisez votre mot de passe Carnet",
  "accounts.mail.reset.text":
    "Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Carnet {email}.\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les {minutes} minutes :\n\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n— Carnet",
  "accounts.mail.reset.logged":
    "Aucun serveur SMTP configuré (SMTP_URL) ; lien de réinitialisation pour {email} : {link}",

  "cli.user.description": "Gérer les comptes utilisateurs.",
  "cli.user.create.description": "Créer un compte (par exemple le premier administrateur).",
  "cli.user.option.email": "adresse e-mail du compte",
  "cli.user.option.name": "nom affiché (par défaut : la partie de l’e-mail avant @)",
  "cli.user.option.admin": "faire du compte un super-administrateur",
  "cli.user.option.password_stdin": "lire le mot de passe sur l’entrée standard au lieu d’en générer un",
  "cli.user.option.language": "langue préférée du compte : en ou fr (par défaut en)",
  "cli.user.created": "Compte {email} créé ({role}).",
  "cli.user.generated_password":
    "Mot de passe généré (affiché une seule fois, changez-le après connexion) : {password}",
  "cli.user.email_taken": "Un compte utilise déjà {email}.",
  "cli.user.invalid": "Informations de compte invalides : {problems}",
  "cli.user.password_stdin_empty": "Aucun mot de passe n’a été donné sur l’entrée standard.",

  "api.docs.intro":
    "Toutes les opérations de l’API de Carnet. Les navigateurs s’authentifient par le cookie de session (les écritures demandent l’en-tête X-CSRF-Token) ; les scripts par un jeton personnel (Authorization: Bearer). Description lisible par les machines :",
  "api.docs.auth": "Authentification :",
  "api.docs.no_auth": "aucune",
  "api.docs.parameters": "Paramètres :",
  "api.docs.body": "Corps de la requête (JSON Schema)",
  "api.docs.responses": "Réponses :",
};
