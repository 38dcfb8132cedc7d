import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ENV } from '#infra/config/function-environment';
import { IRIS_ARCHITECTURE, IRIS_RUNTIME, type IrisFunction } from './iris-function';

/** Where Debian's `tesseract-ocr-por` installs the Portuguese data (`.ci/run` and the README install it). */
export const DEBIAN_TESSDATA_DIRECTORY = '/usr/share/tesseract-ocr/5/tessdata';

/** A layer's files are under `/opt` in the function's file system: `/opt/por.traineddata`. */
export const LAYER_OCR_LANG_PATH = '/opt';

export const OCR_LANGUAGE_FILE = 'por.traineddata';

/** `cdk synth -c tessdataDirectory=<folder>` where `por.traineddata` is not at Debian's path. */
export const TESSDATA_CONTEXT_KEY = 'tessdataDirectory';

/**
 * Tesseract's Portuguese data for receipt photos, as a Lambda layer built at synth time from the file the
 * machine's `tesseract-ocr-por` package installed (context `tessdataDirectory` names another folder): nothing is
 * downloaded at run time, and the function's own asset stays code. The function reads it from
 * `OCR_LANG_PATH=/opt`.
 */
export function readsOcrLanguageData(
  fn: IrisFunction,
  tessdataDirectory: string = fn.node.tryGetContext(TESSDATA_CONTEXT_KEY) ?? DEBIAN_TESSDATA_DIRECTORY,
): lambda.LayerVersion {
  if (!existsSync(join(tessdataDirectory, OCR_LANGUAGE_FILE))) {
    throw new Error(
      `${OCR_LANGUAGE_FILE} not found in ${tessdataDirectory}: install Debian's tesseract-ocr-por ` +
        '(sudo apt-get install -y tesseract-ocr-por) or synthesize with -c tessdataDirectory=<the folder holding it>',
    );
  }
  const layer = new lambda.LayerVersion(fn, 'OcrLanguageData', {
    description: `Tesseract ${OCR_LANGUAGE_FILE} (tesseract-ocr-por) for receipt photos`,
    code: lambda.Code.fromAsset(tessdataDirectory, { exclude: ['*', `!${OCR_LANGUAGE_FILE}`] }),
    compatibleRuntimes: [IRIS_RUNTIME],
    compatibleArchitectures: [IRIS_ARCHITECTURE],
  });
  fn.function.addLayers(layer);
  fn.addEnvironment(ENV.ocrLangPath, LAYER_OCR_LANG_PATH);
  return layer;
}
