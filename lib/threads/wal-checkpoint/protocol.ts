/** What the app hands the checkpoint thread when it starts it. */
export interface CheckpointThreadData {
  /** the SQLite database file (its write-ahead log is `${file}-wal`) */
  file: string;
  /** how often to copy the log back into the database file */
  everyMs: number;
}
