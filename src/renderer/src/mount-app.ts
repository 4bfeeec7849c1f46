import { mount } from 'svelte';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './theme/theme.css';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
