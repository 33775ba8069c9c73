import { createHash } from 'node:crypto';

// The one stylesheet of every portal: mobile first, system fonts (no font
// downloads, no third-party requests), colours from two custom properties a
// page sets for its portal or sub-site. Served under a content-hashed URL
// with a year-long immutable cache, so a changed stylesheet is a new URL.

export const SITE_CSS = `
:root{--brand:#8a1010;--tint:#fbf3f3;--ink:#1b1b1b;--muted:#4a4a4a;--line:#d0d0d0;--bg:#fff;--focus:#ffdd00;--link:#0a4b8c;--visited:#5a2d82;--max:72rem}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;overflow-wrap:break-word;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;color:var(--ink);background:var(--bg)}
img,video{max-width:100%;height:auto}
main,.site-footer,.crumbs{overflow-wrap:anywhere}
pre{white-space:pre-wrap}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
a:hover{text-decoration-thickness:3px}
a:focus-visible,button:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid transparent;background:var(--focus);color:#0b0c0c;box-shadow:0 -2px var(--focus),0 4px #0b0c0c;text-decoration:none}
h1,h2,h3{line-height:1.25;margin:1.2em 0 .5em}
h1{font-size:1.75rem;margin-top:.5em}
h2{font-size:1.3rem}
h3{font-size:1.1rem}
.wrap{max-width:var(--max);margin:0 auto;padding:0 1rem}
.sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;z-index:10;padding:.6rem 1rem;background:var(--focus);color:#0b0c0c}
.skip:focus{left:0}
.masthead{background:var(--brand);color:#fff}
.masthead a,.masthead a:visited{color:#fff}
.masthead-top{display:flex;flex-wrap:wrap;gap:.35rem .5rem;align-items:center;padding-top:.4rem;padding-bottom:.4rem}
.brand{display:flex;gap:.5rem;align-items:center;flex:1 1 0;min-width:0;margin-right:auto;font-weight:700;font-size:1rem;text-decoration:none;line-height:1.2;overflow-wrap:anywhere}
.brand svg{width:36px;height:36px}
.brand svg,.brand img{flex:none}.brand img{height:36px;width:auto;max-width:10rem;background:#fff;border-radius:4px;padding:2px}
.article-body iframe,.article-body video,.lead-image img{display:block;width:100%;max-width:100%;height:auto}.article-body iframe{aspect-ratio:16/9;border:0}
.lead-image{margin:0 0 1rem}.lead-image figcaption{font-size:.9rem;color:var(--muted)}
.langs ul,.mainnav ul,.subnav ul,.crumbs ol,.pager ul,.share ul,.tags ul,.plain{list-style:none;margin:0;padding:0}
.head-toggle>summary{list-style:none;cursor:pointer;display:flex;flex-direction:column;align-items:center;min-width:2.75rem;padding:.15rem .3rem;font-size:.75rem;font-weight:700;line-height:1.1;border:1px solid rgba(255,255,255,.6);border-radius:3px}
.head-toggle>summary::-webkit-details-marker{display:none}
.head-toggle[open]>summary{background:#fff;color:var(--brand)}
.head-toggle svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2.5}
.searchbar[open]{order:5;flex-basis:100%}
.searchbar[open]>summary{margin-left:auto;width:max-content}
.searchbar .search-box{max-width:none;margin:.35rem 0 .2rem}
.menu[open]{order:6;flex-basis:100%}
.menu[open]>summary{margin-left:auto;width:max-content}
.langs{flex-basis:100%;order:4}
.langs ul{display:flex;flex-wrap:wrap;gap:.25rem}
.langs a{display:inline-block;padding:.1rem .5rem;border:1px solid rgba(255,255,255,.6);border-radius:3px;text-decoration:none;font-size:.9rem}
.langs a[aria-current]{background:#fff;color:var(--brand)}
.mainnav{border-top:1px solid rgba(255,255,255,.3);margin-top:.35rem}
.mainnav ul{display:grid;gap:0}
.mainnav li+li{border-top:1px solid rgba(255,255,255,.2)}
.mainnav a{display:block;padding:.5rem .6rem;text-decoration:none;font-weight:600}
.mainnav a[aria-current]{text-decoration:underline;text-decoration-thickness:3px}
.subsite{background:var(--tint);color:var(--ink);border-bottom:4px solid var(--brand)}
.masthead .subsite a{color:var(--brand)}
.masthead .subsite .subnav a{color:var(--link)}
.subsite .wrap{padding-top:.25rem;padding-bottom:.25rem;font-size:.95rem;line-height:1.4}
.subsite-name{font-weight:700;color:var(--brand)}
.subnav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.crumbs{font-size:.9rem;padding-top:.75rem}
.crumbs ol{display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
main{display:block;padding-bottom:2rem}
main:focus{outline:none}
.lede{font-size:1.15rem;color:var(--muted)}
.grid{display:grid;gap:1.5rem}
.grid>*{min-width:0}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.card{border-bottom:1px solid var(--line);padding-bottom:1rem}
.card h3{margin:.2rem 0 .3rem;font-size:1.05rem}
.card p{margin:.2rem 0;color:var(--muted)}
.card-picture{display:block;margin:0 0 .5rem}
.card-picture img{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;background:var(--tint);border-radius:4px}
.cards.thumbs .card,.search-results li{display:flow-root}
.cards.thumbs .card-picture,.search-results .card-picture{float:left;width:7rem;margin:.3rem .75rem .25rem 0}
@media (min-width:40rem){.cards.thumbs .card-picture,.search-results .card-picture{width:12rem}.panel .cards.thumbs .card-picture{width:6rem}}
.meta{font-size:.875rem;color:var(--muted)}
.kicker{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:var(--brand)}
.top-story{border-left:6px solid var(--brand);padding-left:1rem}
.top-story h3{font-size:1.4rem}
.panel{background:var(--tint);border-top:4px solid var(--brand);padding:.75rem 1rem 1rem}
.panel h2{margin-top:.25rem}
.more{font-weight:600}
.portal-list{list-style:none;padding:0;display:grid;gap:1rem}
.portal-list li{border:1px solid var(--line);border-left:6px solid var(--brand);padding:.75rem 1rem}
.portal-list h3{margin:0 0 .25rem}
.portal-list p{margin:.1rem 0}
.article-body{max-width:44rem}
.article-body figure{margin:1.5rem 0}
.article-body figcaption,.gallery figcaption{font-size:.9rem;color:var(--muted)}
.article-body blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--line)}
.article-body table,.facts{border-collapse:collapse;width:100%}
table.facts{overflow-wrap:anywhere}
.table-scroll{max-width:100%;overflow-x:auto;margin:1rem 0}
.table-scroll table{overflow-wrap:normal;min-width:100%;width:max-content;max-width:60rem}
.table-scroll:focus-visible{outline:3px solid #0b0c0c;outline-offset:2px}
.article-body th,.article-body td,.facts th,.facts td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
.facts th{width:38%;background:var(--tint)}
.notice{border:3px solid var(--brand);padding:.75rem 1rem;margin:1rem 0}
.notice-withdrawn{border-color:#b00020}
.status{display:inline-block;padding:.1rem .5rem;border-radius:3px;font-weight:700;background:#eee;color:#1b1b1b}
.status-in-force{background:#d9f2e1;color:#0b4d23}
.status-expired,.status-no-longer-applicable{background:#f6d9d9;color:#7a1010}
.status-partly-expired,.status-suspended,.status-not-yet-in-force{background:#fbefc9;color:#5c4200}
.changes{border-left:4px solid var(--brand);padding-left:1rem}
.share ul,.tags ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.button,.button:visited{display:inline-block;background:#00703c;color:#fff;padding:.5rem 1rem;font-weight:700;text-decoration:none;border-bottom:3px solid #002d18}
.gallery{display:grid;gap:1rem}
.pager ul{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:1.5rem}
.pager a,.pager span{display:inline-block;padding:.3rem .7rem;border:1px solid var(--line)}
.pager [aria-current]{background:var(--brand);color:#fff;border-color:var(--brand)}
.site-footer{background:#f3f3f3;border-top:4px solid var(--brand);padding:1.5rem 0;font-size:.95rem}
.site-footer dl{display:grid;grid-template-columns:auto;gap:.1rem 1rem;margin:0 0 1rem}
.site-footer dt{font-weight:700}
.site-footer dd{margin:0 0 .4rem}
.print-only{display:none}
.search-box{display:flex;gap:.25rem;flex:1 1 16rem;max-width:28rem}
.search-box input{flex:1;min-width:0;padding:.4rem .5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
.search-box button{padding:.4rem .8rem;font:inherit;font-weight:700;background:#00703c;color:#fff;border:0;border-bottom:3px solid #002d18;cursor:pointer}
.search-page .search-box{max-width:40rem;margin:1rem 0}
.search-filters{display:grid;gap:.5rem;margin:1rem 0;padding:.75rem 1rem;background:var(--tint)}
.search-filters h2{font-size:1rem;margin:0}
.search-filters ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.search-filters a[aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
.search-results{list-style:none;margin:0;padding:0}
.search-results li{border-bottom:1px solid var(--line);padding:.75rem 0}
.search-results h2{font-size:1.1rem;margin:.2rem 0}
.search-results p{margin:.2rem 0}
mark{background:#fff0a8;color:inherit;padding:0 .1em}
.feedback-form{max-width:40rem}
.feedback-form fieldset{border:0;padding:0;margin:1rem 0}
.feedback-form legend{font-weight:700;padding:0}
.form-row{margin:.75rem 0}
.form-row>label{display:block;font-weight:700}
.feedback-form textarea,.feedback-form input[type=text],.feedback-form input[type=email],.feedback-form input[type=tel],.feedback-form input:not([type]),.feedback-form select,.feedback-form textarea{display:block;width:100%;padding:.4rem .5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
.feedback-form [aria-invalid=true]{border-color:#b00020;border-width:3px}
.choice{display:block;margin:.25rem 0}
.field-error{color:#b00020;font-weight:700;margin:.2rem 0}
.notice-error{border-color:#b00020}
dl.facts{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.25rem 1rem}
.facts dt{font-weight:700}
.facts dd{margin:0}
.tracking-code{font-size:1.3rem;font-family:monospace;overflow-wrap:anywhere;user-select:all}
.copy-code{margin-left:.5rem;padding:.2rem .6rem;font:inherit;font-size:.9rem;cursor:pointer}
.copy-status{margin-left:.5rem}
.translation-notice{border-color:#5c4200;background:#fffbea}
.answers{list-style:none;margin:0;padding:0}
.answers>li{border-bottom:1px solid var(--line);padding:1rem 0}
.answers h2{font-size:1.2rem;margin:.2rem 0}
.answers h3{font-size:1rem;margin:.75rem 0 .2rem}
.answer{border-left:4px solid var(--brand);padding-left:.75rem}
.history{padding-left:1.25rem}
@media (max-width:39.99rem){
  dl.facts{grid-template-columns:minmax(0,1fr)}
  dl.facts dd{margin-bottom:.4rem}
  table.facts:not(.facts-list),table.facts:not(.facts-list) tbody,table.facts:not(.facts-list) tr,table.facts:not(.facts-list) th,table.facts:not(.facts-list) td{display:block;width:auto}
  table.facts:not(.facts-list) tr{border:1px solid var(--line);border-bottom:0}
  table.facts:not(.facts-list) tr:last-child{border-bottom:1px solid var(--line)}
  table.facts:not(.facts-list) th,table.facts:not(.facts-list) td{border:0}
  table.facts:not(.facts-list) th{padding-bottom:0}
}
@media (min-width:40rem){
  h1{font-size:2.1rem}
  .cards.two{grid-template-columns:1fr 1fr}
  .gallery{grid-template-columns:1fr 1fr}
  .site-footer dl{grid-template-columns:max-content 1fr}
  .site-footer dd{margin:0}
}
@media (min-width:48rem){
  .masthead-top{padding-top:.6rem;padding-bottom:.6rem;gap:.5rem 1rem}
  .brand{font-size:1.1rem;flex:0 1 auto}.brand svg{width:44px;height:44px}.brand img{height:44px}
  .head-toggle>summary{display:none}
  .head-toggle::details-content{content-visibility:visible}
  .searchbar,.searchbar[open]{order:0;flex:1 1 16rem;max-width:28rem}
  .searchbar .search-box{margin:0}
  .langs{flex-basis:auto;order:0}
  .langs a{padding:.25rem .5rem}
  .menu,.menu[open]{order:10;flex-basis:100%}
  .mainnav{margin-top:0}
  .mainnav ul{display:flex;flex-wrap:wrap;gap:0 .25rem}
  .mainnav li+li{border-top:0}
}
@media (min-width:64rem){
  .grid.home{grid-template-columns:2fr 1fr}
  .grid.article{grid-template-columns:minmax(0,3fr) minmax(0,1fr)}
  .cards.three{grid-template-columns:1fr 1fr 1fr}
  .portal-list{grid-template-columns:1fr 1fr}
}
@media print{
  .skip,.langs,.mainnav,.head-toggle,.subnav,.crumbs,.share,.pager,.related,.site-footer nav,.no-print,.search-box,.search-filters{display:none!important}
  .masthead,.subsite{background:none;color:#000;border-bottom:2px solid #000}
  .masthead a{color:#000}
  body{font-size:11pt;color:#000}
  a{color:#000}
  .article-body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
  .print-only{display:block}
  .grid.article{display:block}
}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
.share-link{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center;margin:.75rem 0 0}
.share-link input{flex:1 1 12rem;min-width:0;max-width:100%;font:inherit;padding:.35rem .5rem}
@media print{
  .masthead,.site-footer,.share,.skip,.related,.search-box,.langs,.mainnav,.subsite,.crumbs,.pager,video,iframe,script{display:none!important}
  @page{margin:18mm 16mm}
  html,body{background:#fff!important;color:#000!important}
  body{font:11.5pt/1.5 Georgia,"Times New Roman","Noto Serif",serif}
  main,.grid.article,article{display:block!important;max-width:none!important;width:auto!important;margin:0!important;padding:0!important}
  h1{font-size:18pt;line-height:1.25;margin:0 0 8pt}
  h2,h3{font-size:13pt;break-after:avoid;page-break-after:avoid}
  p,li{orphans:3;widows:3}
  a{color:#000!important;text-decoration:underline}
  main a[href^="http"]::after,main a[href^="/"]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
  main .kicker a::after,main .tags a::after{content:none}
  img{max-width:100%!important;height:auto!important;break-inside:avoid;page-break-inside:avoid}
  table,figure,pre,blockquote{break-inside:avoid;page-break-inside:avoid}
  table{border-collapse:collapse;width:100%}
  th,td{border:1px solid #000;padding:2pt 4pt}
  pre,code{white-space:pre-wrap;word-break:break-word}
  .print-only{display:block!important;font-size:9pt;word-break:break-all}
}
`
  .replace(/\n\s*/g, '\n')
  .trim();

export const SITE_CSS_HASH = createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12);
export const SITE_CSS_PATH = `/assets/site-${SITE_CSS_HASH}.css`;

// The analytics beacon (modules/analytics, POST /api/event): one page view per
// page, plus outbound links, file downloads and elements marked data-event.
// No cookie, no storage, nothing from another site; sendBeacon survives the
// page being left. Hand-minified and kept under 1 KB (test/analytics-site.test.ts).
export const BEACON_JS = `(function(w,d,n){var l=w.location;function s(e,p){var b={n:e,u:l.href,r:d.referrer||null,w:w.screen.width};if(p)b.p=p;b=JSON.stringify(b);try{n.sendBeacon&&n.sendBeacon("/api/event",b)||fetch("/api/event",{method:"POST",body:b,keepalive:!0})}catch(x){}}w.lantoa=s;s("pageview");function c(e){var a=e.target&&e.target.closest&&e.target.closest("a[href],[data-event]");if(!a||e.button>1)return;var k=a.getAttribute("data-event"),h=a.href,u;if(k)return s(k,h?{url:h}:null);try{u=new URL(h)}catch(x){return}if(!/^https?:$/.test(u.protocol))return;if(u.host!==l.host)s("outbound",{url:h});else if(/\\.(pdf|docx?|xlsx?|pptx?|od[tsp]|zip|rar|7z|csv|txt|mp3|mp4)$/i.test(u.pathname))s("download",{url:h})}d.addEventListener("click",c,!0);d.addEventListener("auxclick",c,!0)})(window,document,navigator);
`;
export const BEACON_JS_PATH = `/assets/beacon-${createHash('sha256').update(BEACON_JS).digest('hex').slice(0, 12)}.js`;

// The page's copy buttons: the share box's (pages.ts: the page's address, from a read-only
// field) and the feedback receipt's (feedback-pages.ts: the tracking code, from the element
// showing it). A button names what it copies in data-copy, its words once done in data-done,
// and where to say them in data-status (a live region; the button itself otherwise). Buttons
// stay hidden until this runs, so without JavaScript only the selectable text shows. Clipboard
// API where allowed, the selected text otherwise.
export const COPY_JS = `(function(d){var b=d.querySelectorAll("button[data-copy]");for(var i=0;i<b.length;i++){var x=b[i];x.hidden=!1;x.addEventListener("click",function(e){var t=e.currentTarget,f=d.getElementById(t.getAttribute("data-copy")),s=d.getElementById(t.getAttribute("data-status")||"");if(!f)return;var v="value"in f?f.value:f.textContent.trim();function ok(){(s||t).textContent=t.getAttribute("data-done")}if(f.select)f.select();else{var r=d.createRange(),g=getSelection();r.selectNodeContents(f);g.removeAllRanges();g.addRange(r)}if(navigator.clipboard&&navigator.clipboard.writeText)navigator.clipboard.writeText(v).then(ok,function(){});else try{d.execCommand("copy")&&ok()}catch(x){}})}})(document);
`;
export const COPY_JS_PATH = `/assets/copy-${createHash('sha256').update(COPY_JS).digest('hex').slice(0, 12)}.js`;
