import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
const dir = 'tests/fixtures/gexf-1.3/';
async function v(xml: string) {
  const r = await validateXML({xml:[{fileName:'t.gexf', contents: xml}], extension:'relaxng', schema:[{fileName:'gexf.rng', contents: readFileSync(dir+'gexf.rng','utf8')}], preload:[{fileName:'viz.rng', contents: readFileSync(dir+'viz.rng','utf8')},{fileName:'dynamics.rng', contents: readFileSync(dir+'dynamics.rng','utf8')}]});
  return r.valid + ' ' + r.rawOutput;
}
it('scratch', async () => {
  for (const label of ['a  b', ' a', 'a ', 'a\tb', 'x']) {
    const doc = create({version:'1.0', encoding:'UTF-8'}).ele('http://gexf.net/1.3','gexf',{version:'1.3'});
    doc.ele('graph',{defaultedgetype:'undirected', mode:'static'}).ele('nodes').ele('node',{id:'a', label}).up().up().ele('edges');
    const xml = doc.end({prettyPrint:true});
    console.log(JSON.stringify(label), await v(xml));
  }
  try {
    const doc = create({version:'1.0', encoding:'UTF-8'}).ele('r', {a: 'x\u0001y\uFFFE'});
    console.log(doc.end());
    const doc2 = create({version:'1.0', encoding:'UTF-8'}, ).ele('r', {a: 'x\u0001y'});
    console.log(doc2.end({wellFormed: true}));
  } catch (e) { console.log('threw', String(e)); }
}, 60000);
