import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";

/** Open and resolved comment counts by `"outputId|questionId"` (outputId empty for plan-wide). */
export function useCommentCounts(planId: string): Map<string, { open: number; resolved: number }> {
  const { comments } = usePlansApi();
  const counts = useQuery({
    queryKey: planKeys.commentCounts(planId),
    queryFn: () => comments.counts(planId),
    staleTime: 30_000,
  });
  // The same map until the counts change (the editor's question cards are memoised on it).
  return useMemo(() => {
    const map = new Map<string, { open: number; resolved: number }>();
    for (const count of counts.data?.counts ?? [])
      map.set(`${count.outputId ?? ""}|${count.questionId}`, { open: count.open, resolved: count.resolved });
    return map;
  }, [counts.data]);
}
