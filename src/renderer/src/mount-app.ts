import { mount } from 'svelte';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './theme/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });

// The web build works offline and can be installed; the desktop app's files are already on disk.
if (__WEB_APP__) void import('./web-app/service-worker.svelte').then(({ registerServiceWorker }) => registerServiceWorker());
