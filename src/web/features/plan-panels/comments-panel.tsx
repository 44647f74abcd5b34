import {
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { PlanComment } from "../../api/comments.js";
import { planKeys } from "../../api/plan-keys.js";
import { usePlansApi } from "../../api/use-plans-api.js";
import { useLanguage } from "../../language.js";
import { useQueryClient, useSession } from "../../session.js";
import { FormError } from "../../ui/page.js";
import { formatDateTime } from "../../ui/plan-format.js";

export interface CommentsPanelProps {
  planId: string;
  questionId: string;
  outputId: string | null;
  opened: boolean;
  onClose(): void;
}

interface Thread {
  root: PlanComment;
  replies: PlanComment[];
}

function threadsOf(list: PlanComment[]): Thread[] {
  const threads = new Map<string, Thread>();
  for (const comment of list) if (!comment.parentId) threads.set(comment.id, { root: comment, replies: [] });
  for (const comment of list) {
    if (!comment.parentId) continue;
    const thread = threads.get(comment.parentId);
    if (thread) thread.replies.push(comment);
    else threads.set(comment.id, { root: comment, replies: [] });
  }
  return [...threads.values()];
}

/** Comment threads on one question (in one research output, or plan-wide): write, reply, edit, resolve. */
export function CommentsPanel({ planId, questionId, outputId, opened, onClose }: CommentsPanelProps) {
  const { t } = useLanguage();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t("web.comments.title")}
      closeButtonProps={{ "aria-label": t("web.close") }}
    >
      {opened && <CommentsContent planId={planId} questionId={questionId} outputId={outputId} />}
    </Drawer>
  );
}

/** The question whose comments are shown. */
interface CommentTarget {
  planId: string;
  questionId: string;
  outputId: string | null;
}

/**
 * Posting, editing and resolving comments on `target`. Each form and thread calls it for itself, so
 * that one reply in progress or one error does not show on every other form of the panel.
 */
function useCommentMutations({ planId, questionId, outputId }: CommentTarget) {
  const { comments } = usePlansApi();
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: planKeys.comments(planId, questionId, outputId) });
    void client.invalidateQueries({ queryKey: planKeys.commentCounts(planId) });
  };
  return {
    add: useMutation({
      mutationFn: (input: { body: string; parentId?: string }) =>
        comments.add(planId, {
          questionId,
          outputId,
          body: input.body,
          ...(input.parentId ? { parentId: input.parentId } : {}),
        }),
      onSuccess: refresh,
    }),
    edit: useMutation({
      mutationFn: (input: { id: string; body: string }) => comments.edit(planId, input.id, input.body),
      onSuccess: refresh,
    }),
    resolve: useMutation({
      mutationFn: (input: { id: string; resolved: boolean }) =>
        input.resolved ? comments.resolve(planId, input.id) : comments.reopen(planId, input.id),
      onSuccess: refresh,
    }),
  };
}

function CommentsContent({ planId, questionId, outputId }: Omit<CommentsPanelProps, "opened" | "onClose">) {
  const { t } = useLanguage();
  const { comments, plans } = usePlansApi();
  const [status, setStatus] = useState<"open" | "resolved" | "all">("open");
  const list = useQuery({
    queryKey: planKeys.comments(planId, questionId, outputId),
    queryFn: () => comments.list(planId, questionId, outputId),
  });
  const access = useQuery({ queryKey: planKeys.access(planId), queryFn: () => plans.access(planId) });
  const canComment = access.data?.capabilities.includes("comment") ?? false;
  const target = { planId, questionId, outputId };
  const mutations = useCommentMutations(target);

  if (list.isPending)
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton height={80} />
        <Skeleton height={80} />
      </Stack>
    );
  if (list.isError) return <FormError error={list.error} />;
  const threads = threadsOf(list.data.comments).filter((thread) =>
    status === "all" ? true : status === "open" ? !thread.root.resolvedAt : Boolean(thread.root.resolvedAt),
  );
  return (
    <Stack gap="md">
      <fieldset className="bare-fieldset">
        <Text component="legend" size="sm" fw={500} mb={4}>
          {t("web.comments.show")}
        </Text>
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as typeof status)}
          data={[
            { value: "open", label: t("web.comments.status.open") },
            { value: "resolved", label: t("web.comments.status.resolved") },
            { value: "all", label: t("web.comments.status.all") },
          ]}
        />
      </fieldset>
      {access.isSuccess && !canComment && (
        <Text size="sm" c="gray.7" data-testid="comments-read-only">
          {t("web.comments.read_only")}
        </Text>
      )}
      {canComment && (
        <CommentForm
          label={t("web.comments.new")}
          submitLabel={t("web.comments.post")}
          pending={mutations.add.isPending}
          error={mutations.add.error}
          onSubmit={(body) => mutations.add.mutateAsync({ body })}
        />
      )}
      {threads.length === 0 ? (
        <Text c="gray.7" data-testid="comments-empty">
          {status === "resolved" ? t("web.comments.empty_resolved") : t("web.comments.empty")}
        </Text>
      ) : (
        <Stack component="ul" gap="md" className="plain-list" aria-label={t("web.comments.threads")}>
          {threads.map((thread) => (
            <ThreadView key={thread.root.id} thread={thread} canComment={canComment} target={target} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CommentForm({
  label,
  submitLabel,
  initial = "",
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  pending: boolean;
  error: unknown;
  onSubmit(body: string): Promise<unknown>;
  onCancel?(): void;
}) {
  const { t } = useLanguage();
  const [body, setBody] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setProblem(t("web.validation.required"));
      return;
    }
    if (text.length > 10_000) {
      setProblem(t("web.validation.max", { max: 10_000 }));
      return;
    }
    try {
      await onSubmit(text);
      setBody("");
      onCancel?.();
    } catch {
      // The mutation keeps the error; it is shown below the form.
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <Textarea
          label={label}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
          autosize
          minRows={2}
          maxRows={8}
        />
        {Boolean(error) && <FormError error={error} />}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" size="compact-md" onClick={onCancel}>
              {t("web.cancel")}
            </Button>
          )}
          <Button type="submit" size="compact-md" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentView({
  comment,
  canComment,
  target,
}: {
  comment: PlanComment;
  canComment: boolean;
  target: CommentTarget;
}) {
  const { t, lang } = useLanguage();
  const { account } = useSession();
  const mutations = useCommentMutations(target);
  const [editing, setEditing] = useState(false);
  const own = account?.id === comment.author.id;
  if (editing)
    return (
      <CommentForm
        label={t("web.comments.edit_label")}
        submitLabel={t("web.comments.save")}
        initial={comment.body}
        pending={mutations.edit.isPending}
        error={mutations.edit.error}
        onSubmit={(body) => mutations.edit.mutateAsync({ id: comment.id, body })}
        onCancel={() => setEditing(false)}
      />
    );
  return (
    <Stack gap={2}>
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {comment.author.displayName}
        </Text>
        <Text size="xs" c="gray.7">
          {formatDateTime(comment.createdAt, lang)}
          {comment.editedAt && ` · ${t("web.comments.edited")}`}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {comment.body}
      </Text>
      {own && canComment && (
        <Group>
          <Button variant="subtle" size="compact-xs" onClick={() => setEditing(true)}>
            {t("web.comments.edit")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ThreadView({
  thread,
  canComment,
  target,
}: {
  thread: Thread;
  canComment: boolean;
  target: CommentTarget;
}) {
  const { t } = useLanguage();
  const mutations = useCommentMutations(target);
  const [replying, setReplying] = useState(false);
  const resolved = Boolean(thread.root.resolvedAt);
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="comment-thread">
      <Stack gap="sm">
        {resolved && (
          <Badge color="green.9" variant="light" w="fit-content">
            {t("web.comments.resolved_by", { name: thread.root.resolvedBy?.displayName ?? "" })}
          </Badge>
        )}
        <CommentView comment={thread.root} canComment={canComment} target={target} />
        {thread.replies.map((reply) => (
          <Paper key={reply.id} pl="md" style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}>
            <CommentView comment={reply} canComment={canComment} target={target} />
          </Paper>
        ))}
        {canComment && replying && (
          <CommentForm
            label={t("web.comments.reply_label")}
            submitLabel={t("web.comments.reply")}
            pending={mutations.add.isPending}
            error={mutations.add.error}
            onSubmit={(body) => mutations.add.mutateAsync({ body, parentId: thread.root.id })}
            onCancel={() => setReplying(false)}
          />
        )}
        {canComment && !replying && (
          <Group gap="xs">
            <Button variant="light" size="compact-sm" onClick={() => setReplying(true)}>
              {t("web.comments.reply")}
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              loading={mutations.resolve.isPending}
              onClick={() => mutations.resolve.mutate({ id: thread.root.id, resolved: !resolved })}
            >
              {resolved ? t("web.comments.reopen") : t("web.comments.resolve")}
            </Button>
          </Group>
        )}
        {Boolean(mutations.resolve.error) && <FormError error={mutations.resolve.error} />}
      </Stack>
    </Paper>
  );
}
