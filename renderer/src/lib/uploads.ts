/**
 * antd Upload's `beforeUpload` for a picker of several files: it is called once per file, so the
 * whole selection is handed over on the first one; nothing is uploaded by Upload itself.
 */
export function takeSelection(use: (files: File[]) => void) {
  return (file: File, list: File[]): false => {
    if (file === list[0]) use(list);
    return false;
  };
}
