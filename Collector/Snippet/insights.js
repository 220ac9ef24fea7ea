/*! Icesco.Insights snippet: page views and the satisfaction widget. No cookies, no storage, no third parties. */
(function () {
  'use strict';

  // The Collector replaces the object between the markers with its settings when it serves this file.
  var CONFIG = /*@config*/{ "scale": 5, "respectDoNotTrack": true, "eventsPath": "/api/v1/events" }/*@end*/;

  if (window.__icescoInsights) return; // the page embedded the snippet twice
  window.__icescoInsights = true;

  // Captured now: document.currentScript is null once this first run is over.
  var script = document.currentScript;
  var collector = script && script.src ? new URL(script.src).origin : location.origin;
  var endpoint = collector + CONFIG.eventsPath;
  var P = 'icesco-fb';

  var TEXT = {
    en: {
      q: 'Overall, how satisfied are you about the website?',
      lo: 'Extremely Dissatisfied', hi: 'Extremely Satisfied',
      comment: 'Comment (optional)', send: 'Send', thanks: 'Thank you for your feedback'
    },
    fr: {
      q: 'Dans l\u2019ensemble, dans quelle mesure \u00eates-vous satisfait du site Web\u00a0?',
      lo: 'Extr\u00eamement insatisfait', hi: 'Extr\u00eamement satisfait',
      comment: 'Commentaire (facultatif)', send: 'Envoyer', thanks: 'Merci pour votre avis'
    },
    ar: {
      q: 'بشكل عام، ما مدى رضاك عن الموقع الإلكتروني؟',
      lo: 'غير راضٍ إطلاقًا', hi: 'راضٍ تمامًا',
      comment: 'تعليق (اختياري)', send: 'إرسال', thanks: 'شكرًا لملاحظاتك'
    }
  };

  var CSS =
    '.P{box-sizing:border-box;max-width:36rem;margin:1.5rem auto;padding:1rem 1.25rem;border:1px solid #c9d3cf;' +
      'border-radius:.5rem;background:#fff;color:#1b2a24;font:1rem/1.5 system-ui,sans-serif}' +
    '.P *{box-sizing:border-box}' +
    '.P fieldset{margin:0;padding:0;border:0;min-width:0}' +
    '.P legend{padding:0;margin-bottom:.75rem;font-weight:600}' +
    '.P .P-scale{display:flex;justify-content:space-between;gap:.25rem}' +
    '.P .P-opt{display:flex;flex:1;flex-direction:column;align-items:center;gap:.25rem;padding:.25rem;' +
      'text-align:center;font-size:.85rem;cursor:pointer}' +
    '.P input[type=radio]{width:1.25rem;height:1.25rem;margin:0;accent-color:#0b6e4f}' +
    '.P label{display:block}' +
    '.P .P-comment{margin-top:1rem}' +
    '.P textarea{display:block;width:100%;min-height:4.5rem;margin-top:.25rem;padding:.5rem;border:1px solid #8a9a93;' +
      'border-radius:.25rem;font:inherit;color:inherit;background:#fff}' +
    '.P button{margin-top:.75rem;padding:.5rem 1.25rem;border:0;border-radius:.25rem;background:#0b6e4f;color:#fff;' +
      'font:inherit;cursor:pointer}' +
    '.P button:disabled{background:#8a9a93;cursor:not-allowed}' +
    '.P :focus-visible{outline:3px solid #d4a017;outline-offset:2px}' +
    '.P .P-thanks{margin:0;font-weight:600}' +
    '.P .P-thanks:focus{outline:0}' +
    '.P .P-thanks:empty{display:none}';

  function language() {
    var lang = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
    if (TEXT[lang]) return lang;
    var m = /^\/(ar|en|fr)(\/|$)/.exec(location.pathname);
    return m ? m[1] : '';
  }

  function articleId() {
    var meta = document.querySelector('meta[name="icesco:article-id"]');
    var candidates = [meta && meta.content, attr(document.documentElement), attr(document.body), attr(script)];
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i]) return candidates[i].trim();
    }
    return '';
  }

  function attr(el) {
    return el ? el.getAttribute('data-article-id') : '';
  }

  function withoutQuery(href) {
    var u = new URL(href);
    return u.origin + u.pathname;
  }

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // Pages served over plain http have no randomUUID: build a version 4 UUID by hand.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function optedOut() {
    var n = navigator;
    return CONFIG.respectDoNotTrack && (n.doNotTrack === '1' || n.globalPrivacyControl === true);
  }

  function event(type, lang, extra) {
    var e = { type: type, event_id: uuid(), timestamp: new Date().toISOString(), url: withoutQuery(location.href) };
    var id = articleId();
    if (id) e.article_id = id;
    if (lang) e.language = lang;
    for (var k in extra) e[k] = extra[k];
    return e;
  }

  // text/plain is a "simple" content type: the browser sends it cross-origin without a CORS preflight.
  function send(e) {
    var json = JSON.stringify(e);
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, new Blob([json], { type: 'text/plain' }))) return;
    fetch(endpoint, {
      method: 'POST', body: json, keepalive: true, credentials: 'omit',
      headers: { 'Content-Type': 'text/plain' }
    })['catch'](function () { /* one chance only, as for any beacon */ });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text; // text only: nothing a reader types is ever parsed as markup
    return node;
  }

  function addStyles() {
    if (document.getElementById(P + '-css')) return;
    var style = el('style', '', CSS.replace(/\.P/g, '.' + P));
    style.id = P + '-css';
    document.head.appendChild(style);
  }

  function renderWidget(lang) {
    var t = TEXT[lang] || TEXT.en;
    var root = document.querySelector('[data-icesco-feedback]');
    if (!root) {
      root = el('div');
      root.setAttribute('data-icesco-feedback', '');
      document.body.appendChild(root);
    }
    if (root.firstChild) return; // already rendered
    addStyles();
    root.classList.add(P);
    root.lang = lang || 'en';
    root.dir = lang === 'ar' ? 'rtl' : 'ltr';

    var uid = P + '-' + Math.random().toString(36).slice(2, 8);
    var form = el('form');
    var set = el('fieldset');
    set.appendChild(el('legend', '', t.q));
    var scale = el('div', P + '-scale');
    for (var i = 1; i <= CONFIG.scale; i++) {
      var label = el('label', P + '-opt');
      var radio = el('input');
      radio.type = 'radio';
      radio.name = uid + '-rating';
      radio.value = String(i);
      label.appendChild(radio);
      label.appendChild(el('span', '', String(i)));
      if (i === 1 || i === CONFIG.scale) label.appendChild(el('span', '', i === 1 ? t.lo : t.hi));
      scale.appendChild(label);
    }
    set.appendChild(scale);
    form.appendChild(set);

    var comment = el('label', P + '-comment', t.comment);
    var area = el('textarea');
    area.id = uid + '-comment';
    area.maxLength = 2000;
    comment.htmlFor = area.id;
    form.appendChild(comment);
    form.appendChild(area);

    var button = el('button', '', t.send);
    button.type = 'submit';
    button.disabled = true;
    form.appendChild(button);

    var thanks = el('p', P + '-thanks');
    thanks.setAttribute('aria-live', 'polite');
    thanks.setAttribute('role', 'status');
    thanks.tabIndex = -1;

    form.addEventListener('change', function () {
      button.disabled = !form.querySelector('input:checked');
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var checked = form.querySelector('input:checked');
      if (!checked) return;
      var extra = { rating: Number(checked.value), scale: CONFIG.scale };
      var text = area.value.trim();
      if (text) extra.comment = text;
      send(event('feedback', lang, extra));
      form.hidden = true;
      thanks.textContent = t.thanks;
      thanks.focus(); // keyboard users keep their place instead of falling back to the page top
    });

    root.appendChild(form);
    root.appendChild(thanks);
  }

  function start() {
    // Do-Not-Track / Global Privacy Control: no page view and no widget, so nothing can be sent.
    if (optedOut()) return;
    var lang = language();
    send(event('pageview', lang, document.referrer ? { referrer: withoutQuery(document.referrer) } : {}));
    renderWidget(lang);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
