import { createRouter, createWebHashHistory } from 'vue-router'
import SearchView from './views/SearchView.vue'
import VehicleView from './views/VehicleView.vue'

// Hash history: the renderer is loaded from file:// in Electron, where path URLs would point at files.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'search', component: SearchView },
    { path: '/vehicle/:vin', name: 'vehicle', component: VehicleView, props: true }
  ]
})
