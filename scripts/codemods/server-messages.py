# One-off codemod (issue 16 §3): `zh ? 'ZH' : 'EN'` in main/server/server.ts → say(locale, key, params),
# texts into main/errors/locales/{en,zh}.json; ${expr} becomes a named param.
import re, json
p='main/server/server.ts'
s=open(p).read()
keys={
 'Send the pairing PIN with POST':'server.pairNeedsPost',
 'The body is too large':'server.bodyTooLarge',
 'The body is not valid JSON':'server.bodyNotJson',
 'This needs the key of this launch':'server.needsLaunchKey',
 'This device is not paired':'server.deviceNotPaired',
 'Invalid path':'server.invalidPath',
 'Requests from other sites are not allowed':'server.otherOrigin',
 'Use GET to list the methods':'server.listNeedsGet',
 'Call {{name}} with POST':'server.callNeedsPost',
 'The body is larger than':'server.bodyOverLimit',
 'The method name is not validly encoded':'server.badMethodName',
 'Only GET is served here':'server.onlyGet',
 'No such photo':'server.noSuchPhoto',
 'Not found':'server.notFound',
}
NAMES={'name':'name','MAX_BODY_BYTES / 1024 / 1024':'megabytes'}
en={}; zh={}
pat=re.compile(r"zh\s*\?\s*('(?:[^'\\]|\\.)*'|`[^`]*`)\s*:\s*('(?:[^'\\]|\\.)*'|`[^`]*`)", re.S)
def conv(lit):
    body=lit[1:-1]; params={}
    def rep(mo):
        expr=mo.group(1).strip(); name=NAMES[expr]
        params[name]=expr; return '{{'+name+'}}'
    return re.sub(r'\$\{([^}]*)\}',rep,body), params
def repl(mo):
    zt,zp=conv(mo.group(1)); et,ep=conv(mo.group(2))
    assert set(zp) <= set(ep),(zp,ep)
    key=None
    for k,v in keys.items():
        if et.startswith(k): key=v; break
    if key is None:
        # the same English text, two Chinese texts
        key='server.bodyMustBeJson' if zt=='请求体必须是 JSON' else 'server.bodyMustBeJsonType'
    if key in en: assert en[key]==et and zh[key]==zt,(key,et,zt,en[key],zh[key])
    en[key]=et; zh[key]=zt
    args=', { '+', '.join(f'{n}: {e}' if n!=e else n for n,e in ep.items())+' }' if ep else ''
    return f"say(locale, '{key}'{args})"
s=s.replace("zh ? 'zh' : 'en'","locale")
s=pat.sub(repl,s)
s=s.replace("zh: boolean","locale: Locale")
s=s.replace("await handlePair(req, res, zh);","await handlePair(req, res, locale);")
s=s.replace("    const zh = locale === 'zh';\n","")
s=s.replace("unauthorized(res, zh,","unauthorized(res, locale,")
s=s.replace("import { ERROR_STATUS, pickLocale, type ApiError, type Locale } from '../errors/apiError';",
"import { ERROR_STATUS, m, pickLocale, translate, type ApiError, type Locale, type MessageParam } from '../errors/apiError';")
s=s.replace("function localeOf(req: http.IncomingMessage): Locale {","""/** A message of the HTTP door (main/errors/locales/*.json, server.*) in the request's language. */
function say(locale: Locale, key: string, params?: Record<string, MessageParam>): string {
  return translate(m(key, params), locale);
}

function localeOf(req: http.IncomingMessage): Locale {""")
open(p,'w').write(s)
for lang,d in (('en',en),('zh',zh)):
    f=f'main/errors/locales/{lang}.json'; c=json.load(open(f)); c.update(d)
    json.dump(dict(sorted(c.items())),open(f,'w'),ensure_ascii=False,indent=2); open(f,'a').write('\n')
print(len(en))
