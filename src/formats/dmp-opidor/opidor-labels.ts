// DMP OPIDoR stores the translated label (fr_FR or en_GB) of a registry entry, not a code. These
// tables take both languages back to Carnet codes. Labels come from OPIDoR/DMPOPIDoR
// config/registries/*.json @ bf35d6b (MIT); the codes are slugs of the English label (see docs/formats.md).

function table(pairs: [code: string, en: string, fr: string][]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [code, en, fr] of pairs) {
    map.set(en.toLowerCase(), code);
    map.set(fr.toLowerCase(), code);
    map.set(code, code);
  }
  return map;
}

export const opidorRoles = table([
  ["project-coordinator", "Project Coordinator", "Coordinateur du projet"],
  ["dmp-manager", "DMP Manager", "Responsable du plan"],
  ["contact-person", "Contact Person", "Personne contact"],
  ["entity-manager", "Entity's Manager", "Responsable de l'entité"],
  ["data-collector", "Data Collector", "Collecteur de données"],
  ["data-curator", "Data Curator", "Curateur de données"],
  ["data-manager", "Data Manager", "Gestionnaire de données"],
  [
    "data-protection-officer",
    "Data Protection Officer (from GDPR)",
    "Délégué de protection des données (selon RGPD)",
  ],
  [
    "joint-data-controller",
    "Joint Data controller (from GDPR)",
    "Responsable conjoint du traitement (selon RGPD)",
  ],
  ["data-controller", "Data Controller (from GDPR)", "Responsable de traitement des données (selon RGPD)"],
  ["data-processor", "Data Processor (from GDPR)", "Sous-traitant (selon RGPD)"],
  ["registration-agency", "Registration Agency", "Agence d'enregistrement"],
  ["registration-authority", "Registration Authority", "Autorité d'enregistrement"],
  ["project-leader", "Project Leader", "Chef de projet"],
  ["work-package-leader", "Work Package Leader", "Chef de groupe de travail"],
  ["researcher", "Researcher", "Chercheur"],
  ["rights-holder", "Rights Holder", "Détenteur des droits"],
  ["distributor", "Distributor", "Distributeur"],
  ["editor", "Editor", "Editeur"],
  ["research-group", "Research Group", "Equipe de recherche"],
  ["project-manager", "Project Manager", "Gestionnaire de projet"],
  ["hosting-institution", "Hosting Institution", "Institution d'accueil"],
  ["project-member", "Project Member", "Membre du projet"],
  ["related-person", "Related Person", "Personne associée"],
  ["supervisor", "Supervisor", "Responsable"],
  ["sponsor", "Sponsor", "Sponsor"],
  ["translator", "Translator", "Traducteur"],
  ["other", "Other", "Autre"],
  ["all-roles", "All roles", "Tous les rôles"],
  ["development", "Development", "Développement"],
  ["maintenance", "Maintenance", "Maintenance"],
  ["design", "Design", "Conception"],
  ["architecture", "Architecture", "Architecture"],
  ["debugging", "Debugging", "Débogage"],
  ["documentation", "Documentation", "Documentation"],
  ["test", "Test", "Test"],
  ["support", "Support", "Support"],
  ["management", "Management", "Management"],
  ["author", "Author", "Auteur"],
]);

export const opidorOutputTypes = table([
  ["dataset", "Dataset", "Jeu de données"],
  ["software", "Software", "Logiciel"],
  ["model", "Model", "Modèle"],
  ["physical-object", "Physical object", "Objet physique"],
  ["workflow", "Workflow", "Workflow"],
  ["audiovisual", "Audiovisual", "Audiovisuel"],
  ["collection", "Collection", "Collection"],
  ["image", "Image", "Image"],
  ["interactive-resource", "Interactive resource", "Ressource interactive"],
  ["service", "Service", "Service"],
  ["sound", "Sound", "Son"],
  ["text", "Text", "Texte"],
  ["other", "Other", "Autre"],
]);

export const opidorVersionLabels = table([
  ["initial", "First version", "Version initiale"],
  ["intermediate", "Mid term version", "Version intermédiaire"],
  ["final", "Final version", "Version finale"],
]);

export const opidorFundingStatus = table([
  ["planned", "Planned", "Planifié"],
  ["applied", "Applied", "Soumis"],
  ["granted", "Granted", "Approuvé"],
  ["rejected", "Rejected", "Rejeté"],
]);

export const opidorYesNoUnknown = table([
  ["yes", "Yes", "Oui"],
  ["no", "No", "Non"],
  ["unknown", "Unknown", "Ne sais pas"],
]);

/** The code for an OPIDoR label in `vocabulary`, or undefined (the caller keeps the label). */
export function codeFor(vocabulary: ReadonlyMap<string, string>, label: unknown): string | undefined {
  return typeof label === "string" ? vocabulary.get(label.trim().toLowerCase()) : undefined;
}
