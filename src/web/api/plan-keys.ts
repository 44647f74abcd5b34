/** TanStack Query keys of the plan screens, so that a change in one place refreshes the others. */
export const planKeys = {
  lists: ["plans", "list"] as const,
  publicLists: ["plans", "public"] as const,
  plan: (id: string) => ["plans", "one", id] as const,
  access: (id: string) => ["plans", "access", id] as const,
  members: (id: string) => ["plans", "members", id] as const,
  history: (id: string) => ["plans", "history", id] as const,
  diff: (id: string, from: number, to: number) => ["plans", "diff", id, from, to] as const,
  comments: (id: string, questionId: string, outputId: string | null) =>
    ["plans", "comments", id, questionId, outputId ?? ""] as const,
  commentCounts: (id: string) => ["plans", "comments", id, "counts"] as const,
  templates: (lang: string) => ["templates", lang] as const,
};
