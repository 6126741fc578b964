import { createRouter, type RouterHistory } from 'vue-router'
import { createMirroredHistory } from './lib/history'
import CalendarView from './views/CalendarView.vue'
import DossierListView from './views/DossierListView.vue'
import DossierView from './views/DossierView.vue'
import InboxView from './views/InboxView.vue'
import MeetingListView from './views/MeetingListView.vue'
import MeetingView from './views/MeetingView.vue'
import ProfileView from './views/ProfileView.vue'
import RosterView from './views/RosterView.vue'
import SettingsView from './views/SettingsView.vue'
import SystemsView from './views/SystemsView.vue'
import TemplateView from './views/TemplateView.vue'
import VerifyView from './views/VerifyView.vue'

/**
 * makeRouter builds the routes. The app's history moves in memory and
 * writes the address's hash after (lib/history): hash addresses suit the
 * Wails asset server.
 */
export function makeRouter(history: RouterHistory = createMirroredHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: '/dossiers' },
      { path: '/inbox', name: 'inbox', component: InboxView },
      { path: '/dossiers', name: 'dossiers', component: DossierListView },
      { path: '/dossiers/:id', name: 'dossier', component: DossierView, props: true },
      { path: '/calendar', name: 'calendar', component: CalendarView },
      // The dashboard's charts (ECharts) load with it, apart from the rest of the app.
      { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
      { path: '/meetings', name: 'meetings', component: MeetingListView },
      { path: '/meetings/:id', name: 'meeting', component: MeetingView, props: true },
      { path: '/systems', name: 'systems', component: SystemsView },
      { path: '/template', name: 'template', component: TemplateView },
      { path: '/profile', name: 'profile', component: ProfileView },
      { path: '/roster', name: 'roster', component: RosterView },
      { path: '/verify', name: 'verify', component: VerifyView },
      { path: '/settings', name: 'settings', component: SettingsView },
      { path: '/:pathMatch(.*)*', redirect: '/dossiers' },
    ],
  })
}
