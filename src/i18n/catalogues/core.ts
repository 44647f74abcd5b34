/** Messages of the application core (web shell, errors, configuration, CLI). */
export const coreEn = {
  "app.name": "Carnet",
  "app.tagline": "Data management plans, written together, machine-actionable from the start.",
  "web.health.checking": "Checking the server…",
  "web.health.ok": "Server running on {database}, version {version}.",
  "web.health.down": "The server cannot reach its database. Your work is kept; try again in a moment.",
  "web.health.unreachable": "The server cannot be reached. Check your connection.",
  "web.language": "Language",
  "web.retry": "Retry",

  "error.bad_request": "The request is malformed: {reason}",
  "error.validation_failed": "The data sent is not valid.",
  "error.unauthenticated": "Sign in to continue.",
  "error.forbidden": "You do not have permission to do this.",
  "error.not_found": "Nothing was found at {path}.",
  "error.conflict": "Someone else changed this in the meantime.",
  "error.payload_too_large": "The request is too large.",
  "error.unsupported_media_type": "Unsupported content type {type}.",
  "error.rate_limited": "Too many requests; wait a moment and try again.",
  "error.database_unavailable": "The database is unreachable. Nothing was changed; try again in a moment.",
  "error.config_invalid": "The server is misconfigured.",
  "error.internal": "An unexpected error occurred (reference {requestId}). Nothing was changed.",

  "config.invalid_database_url":
    "DATABASE_URL '{value}' is not a PostgreSQL URL. Use postgres://USER@HOST:PORT/DATABASE, or unset it to use the embedded SQLite database.",
  "config.invalid_port": "Port '{value}' is not valid. Use a number from 1 to 65535 (PORT or --port).",
  "config.invalid_log_level": "Log level '{value}' is not valid. Use one of: {allowed}.",
  "config.data_dir_unwritable":
    "The data directory '{path}' cannot be written to ({reason}). Choose another with CARNET_DATA_DIR or --data, or fix its permissions.",
  "config.port_in_use":
    "Port {port} is already in use. Stop the other program or choose another port with PORT or --port.",
  "config.listen_failed":
    "Cannot listen on {host}:{port} ({reason}). Choose another address with HOST or --host.",
  "config.database_unreachable":
    "Cannot connect to the database at {target} ({reason}). Check that it is running and that DATABASE_URL is right.",
  "config.invalid": "Invalid configuration: {reason}",

  "cli.description": "Carnet — research data management plans.",
  "cli.serve.description": "Start the Carnet server (web app and API).",
  "cli.db.description": "Database maintenance.",
  "cli.db.migrate.description": "Apply pending database migrations.",
  "cli.db.migrate.done":
    "Database {database} is up to date ({count} migration(s) applied now, {total} in all).",
  "cli.option.port": "port to listen on (default 3000, or PORT)",
  "cli.option.host": "address to listen on (default 0.0.0.0, or HOST)",
  "cli.option.data": "data directory for the embedded database (default ./data, or CARNET_DATA_DIR)",
  "cli.option.database_url": "PostgreSQL URL (default: embedded SQLite; or DATABASE_URL)",
  "cli.server.listening": "Carnet {version} is running at {url} (database: {database}).",
  "cli.server.stopping": "Stopping Carnet ({signal})…",
  "cli.server.stopped": "Carnet stopped.",
  "cli.unexpected": "Unexpected error: {message}",
  "cli.option.help": "show help for this command",
  "cli.option.version": "show Carnet's version",
  "cli.help_command": "show help for a command",
  "cli.help.usage": "Usage:",
  "cli.help.options": "Options:",
  "cli.help.commands": "Commands:",
  "cli.help.arguments": "Arguments:",
} as const;

export const coreFr: Record<keyof typeof coreEn, string> = {
  "app.name": "Carnet",
  "app.tagline":
    "Des plans de gestion de données écrits ensemble, exploitables par les machines dès le départ.",
  "web.health.checking": "Vérification du serveur…",
  "web.health.ok": "Serveur en marche sur {database}, version {version}.",
  "web.health.down":
    "Le serveur n’atteint pas sa base de données. Votre travail est conservé ; réessayez dans un instant.",
  "web.health.unreachable": "Le serveur est injoignable. Vérifiez votre connexion.",
  "web.language": "Langue",
  "web.retry": "Réessayer",

  "error.bad_request": "La requête est mal formée : {reason}",
  "error.validation_failed": "Les données envoyées ne sont pas valides.",
  "error.unauthenticated": "Connectez-vous pour continuer.",
  "error.forbidden": "Vous n’avez pas le droit de faire cela.",
  "error.not_found": "Rien n’a été trouvé à l’adresse {path}.",
  "error.conflict": "Quelqu’un d’autre a modifié cet élément entre-temps.",
  "error.payload_too_large": "La requête est trop volumineuse.",
  "error.unsupported_media_type": "Type de contenu {type} non pris en charge.",
  "error.rate_limited": "Trop de requêtes ; patientez un instant puis réessayez.",
  "error.database_unavailable":
    "La base de données est injoignable. Rien n’a été modifié ; réessayez dans un instant.",
  "error.config_invalid": "Le serveur est mal configuré.",
  "error.internal": "Une erreur inattendue s’est produite (référence {requestId}). Rien n’a été modifié.",

  "config.invalid_database_url":
    "DATABASE_URL « {value} » n’est pas une URL PostgreSQL. Utilisez postgres://UTILISATEUR@HÔTE:PORT/BASE, ou retirez-la pour utiliser la base SQLite embarquée.",
  "config.invalid_port":
    "Le port « {value} » n’est pas valide. Indiquez un nombre de 1 à 65535 (PORT ou --port).",
  "config.invalid_log_level":
    "Le niveau de journal « {value} » n’est pas valide. Valeurs possibles : {allowed}.",
  "config.data_dir_unwritable":
    "Impossible d’écrire dans le dossier de données « {path} » ({reason}). Choisissez-en un autre avec CARNET_DATA_DIR ou --data, ou corrigez ses droits.",
  "config.port_in_use":
    "Le port {port} est déjà utilisé. Arrêtez l’autre programme ou choisissez un autre port avec PORT ou --port.",
  "config.listen_failed":
    "Impossible d’écouter sur {host}:{port} ({reason}). Choisissez une autre adresse avec HOST ou --host.",
  "config.database_unreachable":
    "Connexion impossible à la base de données {target} ({reason}). Vérifiez qu’elle est démarrée et que DATABASE_URL est juste.",
  "config.invalid": "Configuration invalide : {reason}",

  "cli.description": "Carnet — plans de gestion de données de la recherche.",
  "cli.serve.description": "Démarrer le serveur Carnet (application web et API).",
  "cli.db.description": "Maintenance de la base de données.",
  "cli.db.migrate.description": "Appliquer les migrations de base de données en attente.",
  "cli.db.migrate.done":
    "La base {database} est à jour ({count} migration(s) appliquée(s) maintenant, {total} au total).",
  "cli.option.port": "port d’écoute (3000 par défaut, ou PORT)",
  "cli.option.host": "adresse d’écoute (0.0.0.0 par défaut, ou HOST)",
  "cli.option.data": "dossier de données de la base embarquée (./data par défaut, ou CARNET_DATA_DIR)",
  "cli.option.database_url": "URL PostgreSQL (par défaut : SQLite embarqué ; ou DATABASE_URL)",
  "cli.server.listening": "Carnet {version} fonctionne sur {url} (base de données : {database}).",
  "cli.server.stopping": "Arrêt de Carnet ({signal})…",
  "cli.server.stopped": "Carnet est arrêté.",
  "cli.unexpected": "Erreur inattendue : {message}",
  "cli.option.help": "afficher l’aide de cette commande",
  "cli.option.version": "afficher la version de Carnet",
  "cli.help_command": "afficher l’aide d’une commande",
  "cli.help.usage": "Utilisation :",
  "cli.help.options": "Options :",
  "cli.help.commands": "Commandes :",
  "cli.help.arguments": "Arguments :",
};
