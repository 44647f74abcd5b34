/** Messages of plan import and export over HTTP and of the RDA Common maDMP API. */
export const interopEn = {
  "interop.problem.wrong_format": "The document is {found}, not {expected}.",
  "interop.problem.unknown_template": "Unknown template '{template}' (known: {known}).",
  "interop.info.template": "The plan uses the template {template}.",
  "interop.import.invalid": "The document cannot be imported: {reason}",
  "interop.import.empty": "The request has no document.",
  "interop.export.not_exportable": "This plan cannot be exported as {format}: {reason}",
  "interop.export.bad_flag": "'{value}' is not valid; use true or false.",
  "interop.madmp.not_dcs": "The document is {found}; this API takes RDA DCS documents.",
  "interop.madmp.bad_date": "'{value}' is not a date (use an HTTP date or ISO 8601).",
  "interop.madmp.modified_since":
    "The DMP was modified since {since} (last modified {modified}); fetch it again and reapply your changes.",
  "interop.madmp.etag_mismatch": "The DMP changed since the version you have (If-Match); fetch it again.",
  "error.not_acceptable": "Cannot answer in any of the accepted media types ({accept}).",
} as const;

export const interopFr: Record<keyof typeof interopEn, string> = {
  "interop.problem.wrong_format": "Le document est au format {found}, pas {expected}.",
  "interop.problem.unknown_template": "Modèle « {template} » inconnu (connus : {known}).",
  "interop.info.template": "Le plan utilise le modèle {template}.",
  "interop.import.invalid": "Le document ne peut pas être importé : {reason}",
  "interop.import.empty": "La requête ne contient aucun document.",
  "interop.export.not_exportable": "Ce plan ne peut pas être exporté en {format} : {reason}",
  "interop.export.bad_flag": "« {value} » n’est pas valide ; utilisez true ou false.",
  "interop.madmp.not_dcs": "Le document est au format {found} ; cette API prend des documents RDA DCS.",
  "interop.madmp.bad_date": "« {value} » n’est pas une date (date HTTP ou ISO 8601).",
  "interop.madmp.modified_since":
    "Le DMP a été modifié depuis {since} (dernière modification {modified}) ; relisez-le et réappliquez vos changements.",
  "interop.madmp.etag_mismatch": "Le DMP a changé depuis la version que vous avez (If-Match) ; relisez-le.",
  "error.not_acceptable": "Impossible de répondre dans l’un des types de média acceptés ({accept}).",
};
