/**
 * The app's font stack, for antd's components (the theme's fontFamily) as for the page (global.css's
 * body, the same list). The Chinese and Arabic fonts are named: antd's own stack names Latin fonts
 * only, so every Chinese or Arabic character went through the system's font fallback, character by
 * character, and the first layout of a page of product names took twice as long (about 55 ms against
 * 26 ms for fifteen rows in a fresh Chromium here). Windows' Microsoft YaHei and Segoe UI come first,
 * then macOS's, then the Noto fonts of Linux.
 */
export const APP_FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans', 'Noto Sans Arabic', Roboto, 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'";
