// Snapdesk's Cockpit configuration. Cockpit 7.24 imports this file as an ES module and then each
// customScripts entry as an ES module from app/cockpit/<entry>.js; their default exports are plugins.
export default {
  customScripts: [
    // The "SLA" plugin: a dashboard panel, a menu entry and its page at #/sla (data from /api/sla).
    'sla/sla-plugin'
  ],
  // The SLA dashboard is the managers' start page: no welcome box above it.
  disableWelcomeMessage: true
};
