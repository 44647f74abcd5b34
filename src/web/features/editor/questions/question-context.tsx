import { createContext, type ReactNode, useContext } from "react";
import type { Person } from "../../../../domain/plan.js";

/**
 * What `person` and `persons` questions choose from: the plan's contributors. The editor wraps its
 * question cards in `<PlanPersonsProvider persons={Object.values(plan.persons)}>`; without it the
 * person pickers say that the plan has no contributor yet.
 */
const PlanPersonsContext = createContext<readonly Person[]>([]);

export function PlanPersonsProvider({
  persons,
  children,
}: {
  persons: readonly Person[];
  children: ReactNode;
}) {
  return <PlanPersonsContext.Provider value={persons}>{children}</PlanPersonsContext.Provider>;
}

export function usePlanPersons(): readonly Person[] {
  return useContext(PlanPersonsContext);
}

/** A person's name as people read it: `Ada Lovelace`, an organisation's name, else its id. */
export function personName(person: Person): string {
  if (person.kind === "organisation" && person.name) return person.name;
  const name = [person.firstName, person.lastName].filter(Boolean).join(" ");
  return name || person.name || person.email || person.id;
}

/** Labels of a vocabulary's codes found on the way (in `lang`): those chosen need not be asked for. */
export type LearnLabels = (
  vocabularyId: string,
  lang: "en" | "fr",
  items: readonly { code: string; label: string }[],
) => void;

/**
 * Where vocabulary comboboxes that search the server report the labels of the codes chosen among
 * the results (the editor keeps them with its vocabularies); without it, nowhere.
 */
export const LearnLabelsContext = createContext<LearnLabels>(() => {});

export function useLearnLabels(): LearnLabels {
  return useContext(LearnLabelsContext);
}
