/*
 * Snapdesk customer portal: small enhancements on top of pages that work without JavaScript.
 * Loaded from this app only (the Content-Security-Policy allows no inline or foreign scripts).
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-now]');
  var zone = document.getElementById('timezone');
  var date = document.getElementById('requestedDate');

  /** Whether the zone picker offers this id (so we never fill in something the server would refuse). */
  function offered(id) {
    var list = document.getElementById('zones');
    if (!list || !id) return false;
    for (var i = 0; i < list.options.length; i++) {
      if (list.options[i].value === id) return true;
    }
    return false;
  }

  /** The calendar date in a time zone at the server's "now", as YYYY-MM-DD; null when the zone is unknown here. */
  function todayIn(timeZone, now) {
    try {
      var parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: timeZone, year: 'numeric', month: '2-digit', day: '2-digit'
      }).formatToParts(now);
      var get = function (type) {
        for (var i = 0; i < parts.length; i++) if (parts[i].type === type) return parts[i].value;
        return '';
      };
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return null;
    }
  }

  if (form && zone) {
    // 1. The time zone defaults to the browser's, unless the customer already chose one.
    if (zone.value.trim() === '') {
      var browserZone = null;
      try {
        browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      } catch (e) { /* no Intl: the field stays empty */ }
      if (browserZone === 'Etc/UTC' || browserZone === 'Etc/GMT') browserZone = 'UTC';
      var note = document.querySelector('.js-zone-detected');
      if (offered(browserZone)) {
        zone.value = browserZone;
        if (note) {
          note.hidden = false;
          zone.addEventListener('input', function () { note.hidden = true; }, { once: true });
        }
      }
    }

    // 2. The date picker stops at today in the chosen zone (by the server's clock, which decides "the future").
    if (date) {
      var now = new Date(form.getAttribute('data-now'));
      var fallback = date.getAttribute('max');
      var updateMax = function () {
        var today = todayIn(zone.value.trim() || undefined, now);
        date.setAttribute('max', today || fallback);
      };
      zone.addEventListener('change', updateMax);
      zone.addEventListener('input', updateMax);
      updateMax();
    }
  }

  // 3. After a failed submission, start keyboard and screen reader users at the list of problems.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
