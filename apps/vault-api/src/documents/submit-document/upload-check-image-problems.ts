import { ProblemException } from '../../shared/http/problem.exception';

// What exactly is wrong stays in the log: the answer says only what to send instead.
export const imageDamaged = () =>
  new ProblemException(422, 'UPLOAD.IMAGE_DAMAGED', 'The image is damaged or incomplete', 'The image could not be read as a whole: it may have been cut off while copying. Upload it again, or a new photo or scan.', [
    { field: 'file', message: 'must be a complete, undamaged image' },
  ]);

export const imageTooLarge = (maxPixels: number) =>
  new ProblemException(
    422,
    'UPLOAD.IMAGE_TOO_MANY_PIXELS',
    'The image has too many pixels',
    `Images may have at most ${(maxPixels / 1_000_000).toLocaleString('en')} megapixels, which is far more than a photo or scan of a document needs. Upload a smaller photo or scan.`,
    [{ field: 'file', message: `at most ${maxPixels} pixels (width × height)` }],
  );
