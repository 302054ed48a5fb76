import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import AttentionView from './views/AttentionView.vue'
import AuditView from './views/AuditView.vue'
import BulkJobView from './views/BulkJobView.vue'
import BulkView from './views/BulkView.vue'
import CasesView from './views/CasesView.vue'
import CaseView from './views/CaseView.vue'
import SearchView from './views/SearchView.vue'
import SettingsView from './views/SettingsView.vue'
import VehicleView from './views/VehicleView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'search', component: SearchView },
  { path: '/vehicle/:vin', name: 'vehicle', component: VehicleView, props: true },
  { path: '/cases', name: 'cases', component: CasesView },
  { path: '/vehicle/:vin/case/:caseId', name: 'case', component: CaseView, props: true },
  { path: '/commands', name: 'commands', component: AttentionView },
  // Bulk SIM changes (issue 16): from the agent menu.
  { path: '/bulk', name: 'bulk', component: BulkView },
  { path: '/bulk/:jobId', name: 'bulk-job', component: BulkJobView, props: true },
  // Supervisor pages: hidden from other roles in the menu; main refuses their calls regardless.
  { path: '/audit', name: 'audit', component: AuditView },
  { path: '/settings', name: 'settings', component: SettingsView }
]

// Hash history: the renderer is served from app:// (a file-like origin), where path URLs would point at files.
export const router = createRouter({ history: createWebHashHistory(), routes })
