/** Messages of the plan APIs' own errors (edits sent again with an Idempotency-Key, DMPs created twice…). */
export const planApiEn = {
  "error.idempotency_key_invalid":
    "The Idempotency-Key header is not valid ({length} characters): send 1 to {max} printable ASCII characters without spaces, such as a UUID.",
  "error.idempotency_key_reused":
    "This Idempotency-Key was already used on this plan for another edit (revision {revision}): send a new key with each new edit, and the same key only to send the same edit again.",
  "error.dmp_already_exists":
    "A DMP with the identifier {dmpId} already exists ({id}): nothing was created. Replace it (PUT /dmps/{id}) to change it, or send a DMP with another dmp_id.",
} as const;

export const planApiFr: Record<keyof typeof planApiEn, string> = {
  "error.idempotency_key_invalid":
    "L’en-tête Idempotency-Key n’est pas valable ({length} caractères) : envoyez de 1 à {max} caractères ASCII imprimables sans espace, par exemple un UUID.",
  "error.idempotency_key_reused":
    "Cette clé Idempotency-Key a déjà servi sur ce plan pour une autre modification (révision {revision}) : envoyez une nouvelle clé avec chaque nouvelle modification, et la même clé seulement pour renvoyer la même modification.",
  "error.dmp_already_exists":
    "Un DMP avec l’identifiant {dmpId} existe déjà ({id}) : rien n’a été créé. Remplacez-le (PUT /dmps/{id}) pour le modifier, ou envoyez un DMP avec un autre dmp_id.",
};
