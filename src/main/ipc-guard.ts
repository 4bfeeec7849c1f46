import * as v from 'valibot';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';

type AnyTuple = v.GenericSchema<unknown[], unknown[]>;

/** Who may talk to the main process: only frames showing the app's own pages. */
export type SenderCheck = (url: string | undefined) => boolean;

function senderUrl(event: IpcMainInvokeEvent | IpcMainEvent): string | undefined {
  return event.senderFrame?.url;
}

function checkedArgs<S extends AnyTuple>(channel: string, schema: S, args: unknown[]): v.InferOutput<S> {
  const result = v.safeParse(schema, args);
  if (!result.success) throw new Error(`${channel}: invalid arguments: ${v.summarize(result.issues)}`);
  return result.output;
}

/**
 * `ipcMain.handle` that first checks the sender is the app's own page and the
 * arguments match `schema`; otherwise the call is rejected and nothing happens.
 */
export function handleChecked<S extends AnyTuple, R>(
  ipcMain: IpcMain,
  isTrustedSender: SenderCheck,
  channel: string,
  schema: S,
  handler: (event: IpcMainInvokeEvent, ...args: v.InferOutput<S>) => R | Promise<R>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(senderUrl(event))) throw new Error(`${channel}: refused a call from ${senderUrl(event) ?? 'an unknown frame'}`);
    return handler(event, ...checkedArgs(channel, schema, args));
  });
}

/** The one-way counterpart of `handleChecked`: untrusted or malformed messages are dropped. */
export function onChecked<S extends AnyTuple>(
  ipcMain: IpcMain,
  isTrustedSender: SenderCheck,
  channel: string,
  schema: S,
  listener: (event: IpcMainEvent, ...args: v.InferOutput<S>) => void,
): void {
  ipcMain.on(channel, (event, ...args: unknown[]) => {
    if (!isTrustedSender(senderUrl(event))) return;
    const result = v.safeParse(schema, args);
    if (result.success) listener(event, ...result.output);
  });
}
