export type MenuLanguage = 'ja' | 'en';

const en = {
  file: 'File',
  import: 'Import…',
  export: 'Export…',
  backupNow: 'Back Up Now',
  openBackups: 'Open Backups Folder',
  restore: 'Restore from Backup…',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  theme: 'Switch Light/Dark Theme',
  fullScreen: 'Full Screen',
  devTools: 'Developer Tools',
  study: 'Study',
  studyStart: 'Study Due Cards',
  studyUndo: 'Undo Last Answer',
  studyBrowse: 'Browse Cards',
  studyStats: 'Statistics',
  help: 'Help',
  shortcuts: 'Keyboard Shortcuts',
  about: 'About Kioku',
  openLinkTitle: 'Open link in your browser?',
  openLinkButton: 'Open',
  cancel: 'Cancel',
};

export type MenuText = typeof en;

const ja: MenuText = {
  file: 'ファイル',
  import: 'インポート…',
  export: 'エクスポート…',
  backupNow: '今すぐバックアップ',
  openBackups: 'バックアップフォルダーを開く',
  restore: 'バックアップから復元…',
  quit: '終了',
  edit: '編集',
  view: '表示',
  zoomIn: '拡大',
  zoomOut: '縮小',
  resetZoom: '実際のサイズ',
  theme: 'ライト/ダークテーマを切り替え',
  fullScreen: 'フルスクリーン',
  devTools: '開発者ツール',
  study: '学習',
  studyStart: '期日のカードを学習',
  studyUndo: '直前の回答を取り消す',
  studyBrowse: 'カードを閲覧',
  studyStats: '統計',
  help: 'ヘルプ',
  shortcuts: 'キーボードショートカット',
  about: 'Kioku について',
  openLinkTitle: 'ブラウザーでリンクを開きますか?',
  openLinkButton: '開く',
  cancel: 'キャンセル',
};

/** Japanese for a Japanese system, English for every other one. */
export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function menuText(locale: string): MenuText {
  return menuLanguage(locale) === 'ja' ? ja : en;
}
