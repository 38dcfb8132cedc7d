import type { AgingImportRequest } from './workflows';

/**
 * An aging import that came in through the tenant API (issue 13): opened with an upload URL, the file PUT
 * straight to the file bucket, then started. Until its workflow claims it there is no `AgingImport` record, so
 * the upload is what `GET /v1/imports/{id}` answers from meanwhile.
 */
export interface AgingUpload {
  tenantId: string;
  importId: string;
  filename: string;
  contentType: string;
  /** Where the upload URL puts the file (`imports/<tenant>/<id>/<name>`). */
  objectKey: string;
  /** The member (sign-in username) who opened it. */
  openedBy: string;
  openedAt: string;
  /** When the upload URL stops working. */
  uploadExpiresAt: string;
  /** The workflow's input, once started: a second start answers with it. */
  started?: AgingImportRequest;
  /**
   * When the workflow refused it because another import of the tenant was running: nothing was imported, and
   * this upload cannot run again (its execution name is taken): the member opens a new import.
   */
  busyAt?: string;
}

export interface AgingUploads {
  create(upload: AgingUpload): Promise<void>;
  get(tenantId: string, importId: string): Promise<AgingUpload | undefined>;
  /** Records the start unless one is recorded already; returns the upload as stored after the call. */
  markStarted(upload: AgingUpload, started: AgingImportRequest): Promise<AgingUpload>;
  /** Records the workflow's busy refusal on the upload; nothing when no upload has this id (a WhatsApp import). */
  markBusy(tenantId: string, importId: string, at: Date): Promise<void>;
  /** The tenant's uploads, newest first. */
  list(tenantId: string): Promise<AgingUpload[]>;
}
