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
