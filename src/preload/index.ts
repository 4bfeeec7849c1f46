import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('kioku', { platform: process.platform });
