/** Messages of identifier look-ups and offline registries (CLI import, errors). */
export const lookupsEn = {
  "registry.import.unreadable":
    "Cannot read the dump '{file}' ({reason}). Check the path and its permissions.",
  "registry.import.not_json_array":
    "'{file}' is not a registry dump: expected a JSON array of records (or an object with an 'items' array).",
  "registry.import.bad_json":
    "'{file}' is not valid JSON near record {position} ({reason}). The {stored} record(s) before it are stored; fix the file and run the import again (it is safe to repeat).",
  "cli.registry.description": "Offline registries used by identifier look-ups.",
  "cli.registry.import.description":
    "Import a registry dump (ror: ROR v2 JSON dump; rnsr: RNSR JSON export; re3data: JSON list of repositories).",
  "cli.registry.import.kind": "kind of dump: ror, rnsr or re3data",
  "cli.registry.import.file": "path of the JSON dump",
  "cli.registry.import.bad_kind": "Unknown dump kind '{kind}'. Use one of: {allowed}.",
  "cli.registry.import.progress": "{records} records read",
  "cli.registry.import.bad_record": "record {position} skipped: {reason}",
  "cli.registry.import.more_problems": "… and {count} more skipped record(s).",
  "cli.registry.import.summary":
    "{registry}: {imported} imported, {updated} updated, {skipped} skipped in {seconds} s.",
  "cli.registry.import.nothing": "No record of '{file}' could be imported.",
} as const;

export const lookupsFr: Record<keyof typeof lookupsEn, string> = {
  "registry.import.unreadable":
    "Impossible de lire le fichier « {file} » ({reason}). Vérifiez le chemin et ses droits d’accès.",
  "registry.import.not_json_array":
    "« {file} » n’est pas un export de référentiel : un tableau JSON d’enregistrements est attendu (ou un objet avec un tableau « items »).",
  "registry.import.bad_json":
    "« {file} » n’est pas un JSON valide vers l’enregistrement {position} ({reason}). Les {stored} enregistrement(s) précédents sont enregistrés ; corrigez le fichier et relancez l’import (il peut être répété sans risque).",
  "cli.registry.description": "Référentiels hors ligne utilisés par la recherche d’identifiants.",
  "cli.registry.import.description":
    "Importer un export de référentiel (ror : export JSON ROR v2 ; rnsr : export JSON du RNSR ; re3data : liste JSON d’entrepôts).",
  "cli.registry.import.kind": "type d’export : ror, rnsr ou re3data",
  "cli.registry.import.file": "chemin du fichier JSON",
  "cli.registry.import.bad_kind": "Type d’export « {kind} » inconnu. Valeurs possibles : {allowed}.",
  "cli.registry.import.progress": "{records} enregistrements lus",
  "cli.registry.import.bad_record": "enregistrement {position} ignoré : {reason}",
  "cli.registry.import.more_problems": "… et {count} autre(s) enregistrement(s) ignoré(s).",
  "cli.registry.import.summary":
    "{registry} : {imported} importé(s), {updated} mis à jour, {skipped} ignoré(s) en {seconds} s.",
  "cli.registry.import.nothing": "Aucun enregistrement de « {file} » n’a pu être importé.",
};
