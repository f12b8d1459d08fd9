import type { IncomingMessage } from 'node:http';
import { AppError } from '@dermino/db';
import busboy from 'busboy';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The one file of a multipart/form-data body (field `file`), at most maxBytes; a clear BAD_INPUT for a body
 * that is not multipart, has no file, more than one, or too many bytes (reading stops at the limit).
 */
export function readUpload(req: IncomingMessage, maxBytes = MAX_UPLOAD_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes + 64 * 1024) return Promise.reject(tooLarge(maxBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 6 },
    });
  } catch {
    return Promise.reject(
      new AppError('BAD_INPUT', {
        message: 'Send the image as multipart/form-data with a field named "file".',
        details: { argument: 'file' },
      }),
    );
  }
  return new Promise((resolve, reject) => {
    let file: Buffer | null = null;
    let failure: AppError | null = null;
    const fail = (error: AppError) => {
      failure ??= error;
    };
    parser.on('file', (name, stream) => {
      if (name !== 'file' || file) {
        stream.resume();
        return fail(
          new AppError('BAD_INPUT', {
            message: 'Send exactly one file, in the field named "file".',
            details: { argument: 'file' },
          }),
        );
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('filesLimit', () =>
      fail(new AppError('BAD_INPUT', { message: 'Send exactly one file.', details: { argument: 'file' } })),
    );
    parser.on('error', (error: Error) =>
      reject(
        new AppError('BAD_INPUT', {
          message: `The multipart body is malformed: ${error.message}`,
          details: { argument: 'file' },
        }),
      ),
    );
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (!file || file.length === 0) {
        return reject(
          new AppError('BAD_INPUT', {
            message: 'The upload has no file (field "file") or it is empty.',
            details: { argument: 'file' },
          }),
        );
      }
      resolve(file);
    });
    req.pipe(parser);
  });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('BAD_INPUT', {
    message: `The file is larger than ${maxBytes / 1024 / 1024} MiB.`,
    details: { argument: 'file', limit: 'size' },
  });
}
