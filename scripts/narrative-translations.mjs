// French texts that the reference sources do not provide, translated for Carnet (see data/NOTICE.md):
// the Horizon Europe template (the European Commission publishes it in English only) and the
// considerations of Science Europe's requirements 1a and 1b (no faithful French copy was found).

export const seGuidanceFrench = {
  "1a": [
    "Expliquer quelles méthodes ou quels logiciels seront utilisés si de nouvelles données sont collectées ou produites.",
    "Indiquer les éventuelles contraintes pesant sur la réutilisation de données existantes.",
    "Expliquer comment la provenance des données sera documentée.",
    "Indiquer brièvement les raisons pour lesquelles la réutilisation de sources de données existantes a été envisagée puis écartée, le cas échéant.",
  ],
  "1b": [
    "Préciser la nature des données : par exemple numériques (bases de données, tableurs), textuelles (documents), images, sons, vidéos et/ou médias mixtes.",
    "Préciser le format des données : la manière dont elles sont encodées pour le stockage, souvent reflétée par l'extension du nom de fichier (par exemple pdf, xls, doc, txt ou rdf).",
    "Justifier le choix de certains formats. Par exemple, ce choix peut reposer sur les compétences du personnel de l'organisme d'accueil, une préférence pour les formats ouverts, les standards acceptés par les entrepôts de données, un usage répandu dans la communauté de recherche, ou sur les logiciels ou équipements qui seront utilisés.",
    "Privilégier les formats ouverts et standards, qui facilitent le partage et la réutilisation à long terme des données (plusieurs entrepôts publient des listes de « formats recommandés »).",
    "Préciser les volumes (exprimés en espace de stockage nécessaire, en octets, et/ou en nombre d'objets, de fichiers, de lignes et de colonnes).",
  ],
};

export const heFrench = {
  frontMatter: [
    "À compléter et à déposer comme livrable dans le système de gestion des subventions du portail, à la date prévue dans le système (et à mettre à jour régulièrement).",
    "L'utilisation de ce modèle est recommandée mais pas obligatoire. Si vous ne l'utilisez pas, veillez néanmoins à respecter les exigences de gestion des données de la recherche de l'article 17 de la convention de subvention.",
  ],
  statement:
    "Au-delà des principes FAIR, les PGD doivent aussi traiter des produits de recherche autres que les données, et examiner avec soin l'allocation des ressources, la sécurité des données et les aspects éthiques.",
  sectionIds: {
    1: "summary",
    2.1: "findable",
    2.2: "accessible",
    2.3: "interoperable",
    2.4: "reusable",
    3: "otherOutputs",
    4: "resources",
    5: "security",
    6: "ethics",
    7: "otherIssues",
  },
  sections: {
    1: "Résumé des données",
    2.1: "Données FAIR : rendre les données faciles à trouver, y compris les dispositions relatives aux métadonnées",
    2.2: "Données FAIR : rendre les données accessibles",
    2.3: "Données FAIR : rendre les données interopérables",
    2.4: "Données FAIR : favoriser la réutilisation des données",
    3: "Autres produits de recherche",
    4: "Allocation des ressources",
    5: "Sécurité des données",
    6: "Éthique",
    7: "Autres questions",
  },
  groups: { Repository: "Entrepôt", Data: "Données", Metadata: "Métadonnées" },
  // Horizon Europe question number → [id, guidance themes, French text, DCS binding].
  questions: {
    1.1: [
      "summary.reuse",
      ["Data Description"],
      "Allez-vous réutiliser des données existantes et à quelles fins ? Indiquez les raisons si la réutilisation de données existantes a été envisagée puis écartée.",
    ],
    1.2: [
      "summary.types",
      ["Data Description", "Data Format"],
      "Quels types et formats de données le projet va-t-il produire ou réutiliser ?",
    ],
    1.3: [
      "summary.purpose",
      ["Data Description"],
      "Quelle est la finalité de la production ou de la réutilisation des données et quel est son lien avec les objectifs du projet ?",
    ],
    1.4: [
      "summary.size",
      ["Data Volume"],
      "Quelle est la taille attendue des données que vous comptez produire ou réutiliser ?",
    ],
    1.5: [
      "summary.origin",
      ["Data Collection"],
      "Quelle est l'origine (la provenance) des données, qu'elles soient produites ou réutilisées ?",
    ],
    1.6: [
      "summary.utility",
      ["Data Sharing"],
      "À qui vos données pourraient-elles être utiles en dehors de votre projet (« utilité des données ») ?",
    ],
    "2.1.1": [
      "findable.identifier",
      ["Data Repository"],
      "Les données seront-elles identifiées par un identifiant pérenne ?",
    ],
    "2.1.2": [
      "findable.metadata",
      ["Metadata & Documentation"],
      "Des métadonnées riches seront-elles fournies pour permettre la découverte des données ? Quelles métadonnées seront créées ? Quels standards disciplinaires ou généraux seront suivis ? Si votre discipline n'a pas de standard de métadonnées, décrivez quel type de métadonnées sera créé et comment.",
    ],
    "2.1.3": [
      "findable.keywords",
      ["Metadata & Documentation"],
      "Des mots-clés de recherche seront-ils fournis dans les métadonnées pour optimiser les possibilités de découverte, puis de réutilisation ?",
    ],
    "2.1.4": [
      "findable.harvesting",
      ["Metadata & Documentation"],
      "Les métadonnées seront-elles proposées de manière à pouvoir être moissonnées et indexées ?",
    ],
    "2.2.1": [
      "accessible.repository",
      ["Data Repository"],
      "Les données seront-elles déposées dans un entrepôt de confiance ?",
    ],
    "2.2.2": [
      "accessible.arrangements",
      ["Data Repository"],
      "Avez-vous étudié avec l'entrepôt choisi les modalités appropriées pour le dépôt de vos données ?",
    ],
    "2.2.3": [
      "accessible.repositoryIdentifier",
      ["Data Repository"],
      "L'entrepôt garantit-il l'attribution d'un identifiant aux données ? L'entrepôt fera-t-il pointer cet identifiant vers un objet numérique ?",
    ],
    "2.2.4": [
      "accessible.openness",
      ["Data Sharing"],
      "Toutes les données seront-elles rendues librement accessibles ? Si certains jeux de données ne peuvent pas être partagés (ou doivent l'être sous des conditions d'accès restreint), expliquez pourquoi, en distinguant clairement les raisons légales et contractuelles des restrictions volontaires. Notez que dans les projets à plusieurs bénéficiaires, certains bénéficiaires peuvent aussi garder leurs données fermées si leur ouverture va à l'encontre de leurs intérêts légitimes ou d'autres contraintes prévues par la convention de subvention.",
    ],
    "2.2.5": [
      "accessible.embargo",
      ["Data Sharing", "Intellectual Property Rights"],
      "Si un embargo est appliqué pour laisser le temps de publier ou de protéger la propriété intellectuelle (par exemple des brevets), précisez pourquoi et pour combien de temps, en gardant à l'esprit que les données de la recherche doivent être rendues disponibles dès que possible.",
    ],
    "2.2.6": [
      "accessible.protocol",
      ["Data Sharing"],
      "Les données seront-elles accessibles par un protocole d'accès libre et standardisé ?",
    ],
    "2.2.7": [
      "accessible.restrictedAccess",
      ["Data Sharing"],
      "En cas de restrictions d'utilisation, comment l'accès aux données sera-t-il assuré, pendant et après la fin du projet ?",
    ],
    "2.2.8": [
      "accessible.identity",
      ["Data Sharing", "Storage & Security"],
      "Comment l'identité des personnes qui accèdent aux données sera-t-elle vérifiée ?",
    ],
    "2.2.9": [
      "accessible.committee",
      ["Data Sharing", "Ethics & Privacy"],
      "Un comité d'accès aux données est-il nécessaire (par exemple pour évaluer et approuver les demandes d'accès à des données personnelles ou sensibles) ?",
    ],
    "2.2.10": [
      "accessible.metadataLicence",
      ["Metadata & Documentation"],
      "Les métadonnées seront-elles librement accessibles et placées dans le domaine public (CC0), comme le prévoit la convention de subvention ? Sinon, expliquez pourquoi. Les métadonnées contiendront-elles les informations permettant à l'utilisateur d'accéder aux données ?",
    ],
    "2.2.11": [
      "accessible.duration",
      ["Preservation"],
      "Combien de temps les données resteront-elles disponibles et faciles à trouver ? La disponibilité des métadonnées sera-t-elle garantie une fois les données devenues indisponibles ?",
    ],
    "2.2.12": [
      "accessible.software",
      ["Data Sharing"],
      "La documentation ou la référence des logiciels nécessaires pour accéder aux données ou les lire sera-t-elle incluse ? Sera-t-il possible d'inclure les logiciels concernés (par exemple sous forme de code source ouvert) ?",
    ],
    "2.3.1": [
      "interoperable.standards",
      ["Metadata & Documentation"],
      "Quels vocabulaires, standards, formats ou méthodologies de données et de métadonnées suivrez-vous pour rendre vos données interopérables et permettre leur échange et leur réutilisation au sein des disciplines et entre elles ? Suivrez-vous des bonnes pratiques d'interopérabilité reconnues par la communauté ? Lesquelles ?",
    ],
    "2.3.2": [
      "interoperable.mappings",
      ["Metadata & Documentation"],
      "S'il est inévitable d'utiliser des ontologies ou vocabulaires peu courants ou d'en créer de propres au projet, fournirez-vous des correspondances avec des ontologies plus couramment utilisées ? Publierez-vous librement les ontologies ou vocabulaires créés pour permettre de les réutiliser, de les affiner ou de les étendre ?",
    ],
    "2.3.3": [
      "interoperable.references",
      ["Metadata & Documentation"],
      "Vos données comporteront-elles des références qualifiées à d'autres données (par exemple d'autres données de votre projet ou des jeux de données de recherches antérieures) ?",
    ],
    "2.4.1": [
      "reusable.documentation",
      ["Metadata & Documentation"],
      "Comment fournirez-vous la documentation nécessaire pour valider l'analyse des données et faciliter leur réutilisation (par exemple des fichiers readme décrivant la méthodologie, des livres de codes, le nettoyage des données, les analyses, la définition des variables, les unités de mesure, etc.) ?",
    ],
    "2.4.2": [
      "reusable.licences",
      ["Intellectual Property Rights", "Data Sharing"],
      "Vos données seront-elles mises librement à disposition dans le domaine public pour permettre la réutilisation la plus large possible ? Vos données seront-elles placées sous des licences de réutilisation standard, conformément aux obligations de la convention de subvention ?",
    ],
    "2.4.3": [
      "reusable.thirdParties",
      ["Data Sharing"],
      "Les données produites dans le projet seront-elles utilisables par des tiers, en particulier après la fin du projet ?",
    ],
    "2.4.4": [
      "reusable.provenance",
      ["Metadata & Documentation"],
      "La provenance des données sera-t-elle documentée de manière complète à l'aide des standards appropriés ?",
    ],
    "2.4.5": [
      "reusable.quality",
      ["Metadata & Documentation"],
      "Décrivez tous les processus d'assurance qualité des données pertinents.",
    ],
    3.1: [
      "otherOutputs.management",
      ["Data Description"],
      "Au-delà de la gestion des données, les bénéficiaires doivent aussi envisager et planifier la gestion des autres produits de recherche qui peuvent être créés ou réutilisés au cours de leurs projets. Ces produits peuvent être numériques (par exemple logiciels, workflows, protocoles, modèles, etc.) ou physiques (par exemple nouveaux matériaux, anticorps, réactifs, échantillons, etc.).",
    ],
    3.2: [
      "otherOutputs.fair",
      ["Data Sharing"],
      "Les bénéficiaires doivent examiner lesquelles des questions ci-dessus relatives aux données FAIR peuvent s'appliquer à la gestion des autres produits de recherche, et s'efforcer de détailler suffisamment comment ces produits seront gérés et partagés, ou mis à disposition pour être réutilisés, conformément aux principes FAIR.",
    ],
    4.1: [
      "resources.costs",
      ["Budget"],
      "Quels seront les coûts pour rendre FAIR les données ou les autres produits de recherche de votre projet (par exemple coûts directs et indirects liés au stockage, à l'archivage, à la réutilisation, à la sécurité, etc.) ?",
    ],
    4.2: [
      "resources.coverage",
      ["Budget"],
      "Comment seront-ils couverts ? Notez que les coûts liés à la gestion des données et des produits de recherche sont éligibles dans le cadre de la subvention Horizon Europe (s'ils respectent les conditions de la convention de subvention).",
    ],
    4.3: [
      "resources.responsibility",
      ["Roles & Responsibilities"],
      "Qui sera responsable de la gestion des données dans votre projet ?",
    ],
    4.4: [
      "resources.preservation",
      ["Preservation", "Budget"],
      "Comment la conservation à long terme sera-t-elle assurée ? Discutez des ressources nécessaires pour y parvenir (coûts et valeur potentielle, qui décide et comment, quelles données seront conservées et pendant combien de temps).",
    ],
    5.1: [
      "security.provisions",
      ["Storage & Security"],
      "Quelles dispositions sont ou seront prises pour la sécurité des données (y compris la récupération des données ainsi que le stockage, l'archivage et le transfert sécurisés des données sensibles) ?",
    ],
    5.2: [
      "security.repositories",
      ["Storage & Security", "Preservation"],
      "Les données seront-elles stockées en toute sécurité dans des entrepôts de confiance pour leur conservation et leur curation à long terme ?",
    ],
    6.1: [
      "ethics.issues",
      ["Ethics & Privacy"],
      "Existe-t-il, ou pourrait-il exister, des questions éthiques ou juridiques susceptibles d'avoir un impact sur le partage des données ? Elles peuvent aussi être abordées dans le cadre de l'évaluation éthique. Le cas échéant, faites référence aux livrables éthiques et au chapitre éthique de la description de l'action (DoA).",
      "dmp.ethical_issues_description",
    ],
    6.2: [
      "ethics.consent",
      ["Ethics & Privacy"],
      "Le consentement éclairé au partage et à la conservation à long terme des données sera-t-il inclus dans les questionnaires portant sur des données personnelles ?",
    ],
    7.1: [
      "otherIssues.procedures",
      ["Related Policies"],
      "Utilisez-vous, ou utiliserez-vous, d'autres procédures de gestion des données (nationales, de financeurs, sectorielles, d'établissement) ? Si oui, lesquelles (énumérez-les et décrivez-les brièvement) ?",
    ],
  },
};
