/** The plan panels the editor mounts (share, export, history, comments) and the comment counts hook. */
export { type CommentsPanelProps, CommentsPanel, useCommentCounts } from "./comments-panel.js";
export { type ExportDialogProps, ExportDialog } from "./export-dialog.js";
export { type HistoryPanelProps, HistoryPanel } from "./history-panel.js";
export { type ShareDialogProps, ShareDialog } from "./share-dialog.js";
