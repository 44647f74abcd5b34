/** The plan panels the editor mounts (share, export, history, comments) and the comment counts hook. */
export { useCommentCounts } from "./comment-counts.js";
export { CommentsPanel, type CommentsPanelProps } from "./comments-panel.js";
export { ExportDialog, type ExportDialogProps } from "./export-dialog.js";
export { HistoryPanel, type HistoryPanelProps } from "./history-panel.js";
export { ShareDialog, type ShareDialogProps } from "./share-dialog.js";
