/** Messages about built-in and imported content: templates and vocabularies. */
export const contentEn = {
  "content.invalid_file": "{file} is not valid at {pointer}: {reason}",
  "content.unreadable_file": "{file} cannot be read: {reason}",
  "content.id_mismatch": "{file} declares the id '{id}', which differs from its file name.",
  "content.duplicate_id": "The id '{id}' is used more than once.",
  "content.duplicate_option": "Two options have the same code.",
  "content.unknown_vocabulary": "The vocabulary '{vocabulary}' does not exist.",
  "content.unknown_code": "'{code}' is not a code of {vocabulary}.",
  "content.unknown_question":
    "The condition refers to the question '{id}', which this template does not have.",
  "content.missing_translation":
    "This text has no '{lang}' version, although the template declares that language.",
  "content.choice_without_options": "A choice question needs inline options or a vocabulary.",
  "content.group_without_fields": "A group question needs at least one sub-field.",
} as const;

export const contentFr: Record<keyof typeof contentEn, string> = {
  "content.invalid_file": "{file} n'est pas valide en {pointer} : {reason}",
  "content.unreadable_file": "{file} ne peut pas être lu : {reason}",
  "content.id_mismatch": "{file} déclare l'identifiant « {id} », différent du nom du fichier.",
  "content.duplicate_id": "L'identifiant « {id} » est utilisé plusieurs fois.",
  "content.duplicate_option": "Deux options ont le même code.",
  "content.unknown_vocabulary": "Le vocabulaire « {vocabulary} » n'existe pas.",
  "content.unknown_code": "« {code} » n'est pas un code de {vocabulary}.",
  "content.unknown_question": "La condition porte sur la question « {id} », absente de ce modèle.",
  "content.missing_translation":
    "Ce texte n'a pas de version « {lang} », alors que le modèle déclare cette langue.",
  "content.choice_without_options": "Une question à choix a besoin d'options ou d'un vocabulaire.",
  "content.group_without_fields": "Une question de type groupe a besoin d'au moins un sous-champ.",
};
