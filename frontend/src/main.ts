import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { chooseBridge, setBridge } from './bridge'
import { makeI18n } from './i18n'
import { makeRouter } from './router'
import './styles.css'

async function main() {
  setBridge(await chooseBridge())
  createApp(App).use(createPinia()).use(makeI18n()).use(makeRouter()).mount('#app')
}

void main()
