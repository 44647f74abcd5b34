/** Messages of the interchange formats (JSON reading, RDA DCS import/export, conversion reports). */
export const formatsEn = {
  "formats.read.too_large":
    "The file is too large ({size} MB; the limit is {limit} MB). Split it or remove embedded content.",
  "formats.read.too_deep":
    "The document nests objects and lists more than {limit} levels deep; no DMP needs that. Check how it was produced.",
  "formats.read.too_deep_at":
    "The document nests objects and lists more than {limit} levels deep (line {line}, column {column}); no DMP needs that.",
  "formats.read.unexpected":
    "Not valid JSON at line {line}, column {column}: expected {expected}, found {found}.",
  "formats.read.unexpected_end":
    "The JSON text ends too early (line {line}, column {column}): expected {expected}.",
  "formats.read.unreadable": "Cannot read {path}: {reason}",

  "formats.repair.bom": "byte order mark removed",
  "formats.repair.json.trailing_comma": "trailing comma removed (line {line}, column {column})",
  "formats.repair.json.control_character":
    "raw line break or tab inside a string kept as text (line {line}, column {column})",
  "formats.repair.json.comment": "comment removed (line {line}, column {column})",
  "formats.repair.json.bad_escape": "lone backslash kept as a character (line {line}, column {column})",
  "formats.repair.generic": "value repaired ({reason}), was {from}",
  "formats.repair.timezone_added": "added timezone Z (was {from})",
  "formats.repair.space_to_t": "space between date and time replaced by T (was {from})",
  "formats.repair.date_only": "date completed to midnight UTC (was {from})",
  "formats.repair.datetime_rewritten": "date-time rewritten in ISO 8601 (was {from})",
  "formats.repair.datetime_in_date": "time removed from a date field (was {from})",
  "formats.repair.epoch_ms": "epoch milliseconds turned into an ISO 8601 date (was {from})",
  "formats.repair.trimmed": "spaces around the value removed",
  "formats.repair.language_case": "language code lower-cased (was {from})",
  "formats.repair.language_code": "language '{from}' → ISO 639-3 code",
  "formats.repair.vocabulary": "'{from}' replaced by the standard code",
  "formats.repair.boolean_to_text": "boolean {from} written as text",
  "formats.repair.number_to_text": "number {from} written as text",
  "formats.repair.text_to_number": "text '{from}' read as a number",
  "formats.repair.text_to_boolean": "text '{from}' read as a boolean",
  "formats.repair.doi_to_url": "DOI '{from}' written as a https://doi.org/ URL",
  "formats.repair.scheme_added": "https:// added to '{from}'",
  "formats.repair.email_cleaned": "e-mail address cleaned (was {from})",
  "formats.repair.identifier_type": "identifier type '{from}' normalised (lower case)",
  "formats.repair.identifier_type_other": "identifier type '{from}' is not allowed here; set to 'other'",
  "formats.repair.identifier_type_guessed": "identifier type missing; '{type}' deduced from the identifier",
  "formats.repair.array_unwrapped": "a list of one object given where one object is expected; unwrapped",
  "formats.repair.string_to_object": "text '{from}' turned into an object",
  "formats.repair.wrapped_in_array": "single value wrapped in a list",
  "formats.repair.renamed": "key '{from}' renamed to the standard spelling",
  "formats.repair.null_removed": "null value removed",
  "formats.repair.empty_removed": "empty value removed",
  "formats.repair.flat_project_id": "project_id and project_id_type merged into one identifier",
  "formats.repair.id_from_mbox": "identifier missing; the e-mail address is used (type 'other')",
  "formats.repair.default_roles": "role missing; an empty list of roles is written",
  "formats.repair.default_dataset_id": "dataset_id missing; '{identifier}' (type 'other') is written",
  "formats.repair.default_unknown": "missing; 'unknown' is written",
  "formats.repair.default_language": "language missing; '{language}' is assumed",
  "formats.repair.language_inherited": "language missing; '{language}' taken from the dataset or plan",
  "formats.repair.date_copied": "missing; copied from {from}",
  "formats.repair.default_empty_list": "missing; an empty list is written",
  "formats.repair.no_mailbox":
    "the contact person has no e-mail, which DCS requires; '{mbox}' is written and dropped again on import",

  "formats.kept.unknown_key": "'{key}' is not part of the standard; kept and exported again",
  "formats.kept.invalid_value": "value {value} cannot be made valid; kept aside in the 'carnet' extension",
  "formats.kept.not_an_object": "value {value} is not an object; kept aside in the 'carnet' extension",
  "formats.kept.missing_required":
    "object without {missing} (required, cannot be guessed); kept aside in the 'carnet' extension",
  "formats.kept.outside_dmp": "content next to 'dmp' ({value}); kept aside in the 'carnet' extension",
  "formats.kept.residue_unfit": "a value saved by an earlier down-conversion no longer fits; kept aside",
  "formats.kept.opidor_label":
    "label '{label}' is not in the DMP OPIDoR list; 'other' is used and the label kept",
  "formats.repair.default_now": "missing; the import date {date} is used",

  "formats.loss.field_moved": "not defined in this version; moved to the 'carnet' extension",
  "formats.loss.item_moved": "breaks a rule of this version; moved to the 'carnet' extension",
  "formats.loss.first_identifier":
    "this version allows one identifier; the first is written, all are kept in 'carnet'",
  "formats.loss.identifier_type":
    "identifier type '{type}' is not allowed in this version; 'other' written, '{type}' kept in 'carnet'",

  "formats.info.detected_dcs":
    "RDA DCS {version} detected (wrapper: {wrapper}, flavour: {flavour}; evidence: {evidence})",
  "formats.info.detected_native": "Carnet native format {version} detected",
  "formats.info.detected_opidor": "DMP OPIDoR standard JSON detected (evidence: {evidence})",
  "formats.info.residue_restored": "{count} value(s) saved by an earlier down-conversion restored",

  "formats.problem.unknown_format":
    "This JSON is not a format Carnet knows (Carnet native, RDA DCS 1.0/1.1/1.2, DMP OPIDoR, DMPTool). A DCS file needs a 'dmp' object.",
  "formats.problem.several_dmps": "The file holds {count} DMPs; convert them one at a time.",
  "formats.problem.output_too_deep":
    "The result would nest more than {limit} levels deep (deeply nested extension content); nothing was written.",
  "formats.problem.dmp_incomplete":
    "The DMP cannot be converted: {missing} missing or unusable (found: {unusable}). Add them and try again.",
  "formats.problem.no_dataset_for_1_0":
    "RDA DCS 1.0 requires at least one dataset; this plan has none. Export to 1.1 or 1.2.",
  "formats.problem.export_invalid":
    "The {version} export would not be valid ({count} problem(s)); nothing was written.",
  "formats.problem.not_supported_yet": "Converting {from} to {to} is not available yet.",
  "formats.problem.invalid": "The document is not valid {format} ({count} problem(s)).",

  "formats.schema.required": "required field '{field}' is missing",
  "formats.schema.format": "not a valid {format}",
  "formats.schema.enum": "must be one of: {allowed}",
  "formats.schema.type": "must be of type {type}",
  "formats.schema.additional": "field '{field}' is not allowed here",
  "formats.schema.min_items": "needs at least {limit} item(s)",
  "formats.schema.other": "{message}",

  "formats.report.heading":
    "{repairs} repair(s), {kept} item(s) kept, {losses} change(s) for the target version",
  "formats.report.line.repair": "repaired",
  "formats.report.line.kept": "kept",
  "formats.report.line.loss": "moved",
  "formats.report.line.info": "info",
  "cli.convert.description":
    "Convert a DMP between Carnet's native JSON and RDA DCS 1.2, 1.1 or 1.0 (report on stderr).",
  "cli.convert.file": "JSON file to convert (native, RDA DCS, DMPTool…)",
  "cli.convert.to": "target format",
  "cli.convert.out": "write the result to this file instead of stdout",
  "cli.convert.template":
    "built-in template whose DCS bindings map answers (e.g. science-europe-structured); plans name their own",
  "cli.convert.unknown_template": "Unknown template '{template}'. Built-in templates: {known}.",
  "formats.validate.valid": "valid {format}",
  "formats.validate.invalid": "not valid {format} ({count} problem(s))",
  "formats.validate.importable": "Carnet can import it after {repairs} repair(s) (carnet convert)",
} as const;

export const formatsFr: Record<keyof typeof formatsEn, string> = {
  "formats.read.too_large":
    "Le fichier est trop volumineux ({size} Mo ; la limite est de {limit} Mo). Découpez-le ou retirez le contenu incorporé.",
  "formats.read.too_deep":
    "Le document imbrique objets et listes sur plus de {limit} niveaux ; aucun PGD n'en a besoin. Vérifiez comment il a été produit.",
  "formats.read.too_deep_at":
    "Le document imbrique objets et listes sur plus de {limit} niveaux (ligne {line}, colonne {column}) ; aucun PGD n'en a besoin.",
  "formats.read.unexpected":
    "JSON invalide à la ligne {line}, colonne {column} : {expected} attendu, {found} trouvé.",
  "formats.read.unexpected_end":
    "Le texte JSON s'arrête trop tôt (ligne {line}, colonne {column}) : {expected} attendu.",
  "formats.read.unreadable": "Impossible de lire {path} : {reason}",

  "formats.repair.bom": "marque d'ordre des octets retirée",
  "formats.repair.json.trailing_comma": "virgule finale retirée (ligne {line}, colonne {column})",
  "formats.repair.json.control_character":
    "saut de ligne ou tabulation brut dans une chaîne conservé comme texte (ligne {line}, colonne {column})",
  "formats.repair.json.comment": "commentaire retiré (ligne {line}, colonne {column})",
  "formats.repair.json.bad_escape":
    "barre oblique inverse isolée conservée comme caractère (ligne {line}, colonne {column})",
  "formats.repair.generic": "valeur réparée ({reason}), était {from}",
  "formats.repair.timezone_added": "fuseau horaire Z ajouté (était {from})",
  "formats.repair.space_to_t": "espace entre date et heure remplacée par T (était {from})",
  "formats.repair.date_only": "date complétée à minuit UTC (était {from})",
  "formats.repair.datetime_rewritten": "date-heure réécrite en ISO 8601 (était {from})",
  "formats.repair.datetime_in_date": "heure retirée d'un champ date (était {from})",
  "formats.repair.epoch_ms": "millisecondes depuis 1970 converties en date ISO 8601 (était {from})",
  "formats.repair.trimmed": "espaces autour de la valeur retirées",
  "formats.repair.language_case": "code de langue mis en minuscules (était {from})",
  "formats.repair.language_code": "langue « {from} » → code ISO 639-3",
  "formats.repair.vocabulary": "« {from} » remplacé par le code standard",
  "formats.repair.boolean_to_text": "booléen {from} écrit en texte",
  "formats.repair.number_to_text": "nombre {from} écrit en texte",
  "formats.repair.text_to_number": "texte « {from} » lu comme un nombre",
  "formats.repair.text_to_boolean": "texte « {from} » lu comme un booléen",
  "formats.repair.doi_to_url": "DOI « {from} » écrit comme une URL https://doi.org/",
  "formats.repair.scheme_added": "https:// ajouté à « {from} »",
  "formats.repair.email_cleaned": "adresse électronique nettoyée (était {from})",
  "formats.repair.identifier_type": "type d'identifiant « {from} » normalisé (minuscules)",
  "formats.repair.identifier_type_other":
    "type d'identifiant « {from} » non admis ici ; remplacé par « other »",
  "formats.repair.identifier_type_guessed": "type d'identifiant absent ; « {type} » déduit de l'identifiant",
  "formats.repair.array_unwrapped": "liste d'un seul objet donnée là où un objet est attendu ; dépliée",
  "formats.repair.string_to_object": "texte « {from} » transformé en objet",
  "formats.repair.wrapped_in_array": "valeur seule placée dans une liste",
  "formats.repair.renamed": "clé « {from} » renommée selon l'orthographe du standard",
  "formats.repair.null_removed": "valeur nulle retirée",
  "formats.repair.empty_removed": "valeur vide retirée",
  "formats.repair.flat_project_id": "project_id et project_id_type réunis en un identifiant",
  "formats.repair.id_from_mbox": "identifiant absent ; l'adresse électronique est utilisée (type « other »)",
  "formats.repair.default_roles": "rôle absent ; une liste de rôles vide est écrite",
  "formats.repair.default_dataset_id": "dataset_id absent ; « {identifier} » (type « other ») est écrit",
  "formats.repair.default_unknown": "absent ; « unknown » est écrit",
  "formats.repair.default_language": "langue absente ; « {language} » est supposée",
  "formats.repair.language_inherited": "langue absente ; « {language} » reprise du jeu de données ou du plan",
  "formats.repair.date_copied": "absent ; copié depuis {from}",
  "formats.repair.default_empty_list": "absent ; une liste vide est écrite",
  "formats.repair.no_mailbox":
    "la personne contact n'a pas d'adresse électronique, exigée par DCS ; « {mbox} » est écrit et retiré à l'import",

  "formats.kept.unknown_key": "« {key} » ne fait pas partie du standard ; conservé et réexporté",
  "formats.kept.invalid_value":
    "la valeur {value} ne peut pas être rendue valide ; conservée dans l'extension « carnet »",
  "formats.kept.not_an_object":
    "la valeur {value} n'est pas un objet ; conservée dans l'extension « carnet »",
  "formats.kept.missing_required":
    "objet sans {missing} (obligatoire, impossible à deviner) ; conservé dans l'extension « carnet »",
  "formats.kept.outside_dmp": "contenu à côté de « dmp » ({value}) ; conservé dans l'extension « carnet »",
  "formats.kept.residue_unfit":
    "une valeur sauvegardée par une conversion antérieure ne correspond plus ; conservée à part",
  "formats.kept.opidor_label":
    "le libellé « {label} » n'est pas dans la liste de DMP OPIDoR ; « other » est utilisé et le libellé conservé",
  "formats.repair.default_now": "absent ; la date d'import {date} est utilisée",

  "formats.loss.field_moved": "non défini dans cette version ; déplacé dans l'extension « carnet »",
  "formats.loss.item_moved": "enfreint une règle de cette version ; déplacé dans l'extension « carnet »",
  "formats.loss.first_identifier":
    "cette version n'admet qu'un identifiant ; le premier est écrit, tous sont conservés dans « carnet »",
  "formats.loss.identifier_type":
    "type d'identifiant « {type} » non admis dans cette version ; « other » écrit, « {type} » conservé dans « carnet »",

  "formats.info.detected_dcs":
    "RDA DCS {version} détecté (enveloppe : {wrapper}, variante : {flavour} ; indices : {evidence})",
  "formats.info.detected_native": "format natif Carnet {version} détecté",
  "formats.info.detected_opidor": "JSON « standard » de DMP OPIDoR détecté (indices : {evidence})",
  "formats.info.residue_restored":
    "{count} valeur(s) sauvegardée(s) par une conversion antérieure restaurée(s)",

  "formats.problem.unknown_format":
    "Ce JSON n'est pas dans un format connu de Carnet (natif Carnet, RDA DCS 1.0/1.1/1.2, DMP OPIDoR, DMPTool). Un fichier DCS doit contenir un objet « dmp ».",
  "formats.problem.several_dmps": "Le fichier contient {count} PGD ; convertissez-les un par un.",
  "formats.problem.output_too_deep":
    "Le résultat imbriquerait plus de {limit} niveaux (contenu d'extension très imbriqué) ; rien n'a été écrit.",
  "formats.problem.dmp_incomplete":
    "Le PGD ne peut pas être converti : {missing} absent(s) ou inutilisable(s) (trouvé : {unusable}). Complétez-les et réessayez.",
  "formats.problem.no_dataset_for_1_0":
    "RDA DCS 1.0 exige au moins un jeu de données ; ce plan n'en a aucun. Exportez en 1.1 ou 1.2.",
  "formats.problem.export_invalid":
    "L'export {version} ne serait pas valide ({count} problème(s)) ; rien n'a été écrit.",
  "formats.problem.not_supported_yet": "La conversion de {from} vers {to} n'est pas encore disponible.",
  "formats.problem.invalid": "Le document n'est pas un {format} valide ({count} problème(s)).",

  "formats.schema.required": "le champ obligatoire « {field} » est absent",
  "formats.schema.format": "n'est pas un {format} valide",
  "formats.schema.enum": "doit valoir l'une de : {allowed}",
  "formats.schema.type": "doit être de type {type}",
  "formats.schema.additional": "le champ « {field} » n'est pas admis ici",
  "formats.schema.min_items": "demande au moins {limit} élément(s)",
  "formats.schema.other": "{message}",

  "formats.report.heading":
    "{repairs} réparation(s), {kept} élément(s) conservé(s), {losses} changement(s) pour la version cible",
  "formats.report.line.repair": "réparé",
  "formats.report.line.kept": "conservé",
  "formats.report.line.loss": "déplacé",
  "formats.report.line.info": "info",
  "cli.convert.description":
    "Convertit un PGD entre le JSON natif de Carnet et RDA DCS 1.2, 1.1 ou 1.0 (rapport sur la sortie d'erreur).",
  "cli.convert.file": "fichier JSON à convertir (natif, RDA DCS, DMPTool…)",
  "cli.convert.to": "format cible",
  "cli.convert.out": "écrire le résultat dans ce fichier plutôt que sur la sortie standard",
  "cli.convert.template":
    "modèle intégré dont les liaisons DCS relient les réponses (ex. science-europe-structured) ; un plan nomme le sien",
  "cli.convert.unknown_template": "Modèle « {template} » inconnu. Modèles intégrés : {known}.",
  "formats.validate.valid": "{format} valide",
  "formats.validate.invalid": "{format} non valide ({count} problème(s))",
  "formats.validate.importable": "Carnet peut l'importer après {repairs} réparation(s) (carnet convert)",
};
