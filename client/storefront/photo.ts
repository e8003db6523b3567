/**
 * A photo this small and narrow goes as it is (a generated or cropped barcode
 * stays sharp); anything else is redrawn 1,280 pixels wide as a JPEG, which
 * reads as well as the camera's full size and is a fraction of what the API
 * takes (4,000,000 bytes of image, docs/vision.md): less to send on a phone's
 * connection, nothing lost for reading the barcode.
 */
const SEND_AS_IS_BYTES = 600_000;
const SEND_AS_IS_WIDTH = 1600;
const SCALED_WIDTH = 1280;

/** The photo as a data: URL (the API accepts the prefix), downscaled to a JPEG when it is large. */
export async function photoAsBase64(file: File): Promise<string> {
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format the browser cannot draw (HEIC in most): sent as it is, so the API says what it is.
    return readAsDataUrl(file);
  }
  try {
    if (file.size <= SEND_AS_IS_BYTES && bitmap.width <= SEND_AS_IS_WIDTH) return await readAsDataUrl(file);
    const scale = Math.min(1, SCALED_WIDTH / bitmap.width);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d')!;
    // White under a transparent PNG, as the API reads it.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  } finally {
    bitmap.close();
  }
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the photo could not be read'));
    reader.readAsDataURL(file);
  });
}
