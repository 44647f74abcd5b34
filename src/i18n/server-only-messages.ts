/**
 * Messages the web app never shows: the command line, e-mails, the API documentation page, server
 * configuration, exported documents, template checks, and the errors and validation problems of API
 * answers (the server translates those; the web app shows its words). The web build
 * (vite.config.ts) leaves them out of its catalogue chunks; src/web/catalogues.test.ts checks that
 * no code the web app loads names one of them.
 */
export const serverOnlyMessages =
  /^(cli|export|api\.docs|accounts\.mail|sharing\.mail|sharing\.role|config|content|registry\.import|error|comments|validation)\./;

/**
 * Messages of the import report (formats and interoperability): the web app's language chunks leave
 * them out too, and the import screen loads them (`loadImportReportMessages` in src/web/catalogues.ts).
 */
export const importReportMessages = /^(formats|interop)\./;
