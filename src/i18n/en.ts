/** English messages. The source catalogue: every key here must exist in every other language. */
export const en = {
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
} as const;

export type MessageKey = keyof typeof en;
