import type { QuestionRow } from './question-check.ts';

/**
 * What one tab tells another about the same officer's activation (BroadcastChannel, same origin,
 * memory only): a tab that opened a new link says `hello`; a tab whose link expired while the
 * officer typed answers with its `draft` (questions and answers, never the password); the new tab
 * says `taken` once it has them, and the old one lets go.
 */
export type DraftMessage =
  | { kind: 'hello'; userId: string }
  | { kind: 'draft'; userId: string; rows: QuestionRow[] }
  | { kind: 'taken'; userId: string };

/** What this tab is when a message arrives. */
export interface DraftHolder {
  /** The officer of the link this tab verified, if any. */
  userId: string | undefined;
  /** This tab's link expired at Selesai: it holds a draft to give away. */
  expiredInPlace: boolean;
  /** On the questions step with nothing chosen or typed: a draft would lose nothing. */
  readyForDraft: boolean;
}

/** `send-draft`: answer a hello with this tab's rows; `take-draft`: fill the rows and say so; `let-go`: forget all. */
export type DraftAction = 'send-draft' | 'take-draft' | 'let-go' | 'ignore';

/** This tab's part in the hand-over, by the protocol of `DraftMessage`; another officer's messages are ignored. */
export function draftAction(message: DraftMessage, here: DraftHolder): DraftAction {
  if (here.userId === undefined || message.userId !== here.userId) return 'ignore';
  if (message.kind === 'hello' && here.expiredInPlace) return 'send-draft';
  if (message.kind === 'draft' && !here.expiredInPlace && here.readyForDraft) return 'take-draft';
  if (message.kind === 'taken' && here.expiredInPlace) return 'let-go';
  return 'ignore';
}
