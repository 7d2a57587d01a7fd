import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arcPath, projectPoint, MAP_WIDTH, MAP_HEIGHT } from '../../src/layout/map-projection.js';
import { computeWorldShapes, WORLD_SHAPES_PATH } from '../../src/layout/world-shapes.js';

describe('map geometry', () => {
  it('projects the prime meridian on the equator to the middle of the frame, and the east to the right', () => {
    expect(projectPoint(0, 0)).toEqual([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
    const [x, y] = projectPoint(31.23, 121.47);
    expect(x).toBeGreaterThan(MAP_WIDTH / 2);
    expect(y).toBeLessThan(MAP_HEIGHT / 2);
  });

  it('cuts an arc that crosses the antimeridian into two pieces', () => {
    expect(arcPath(0, 170, 0, -170).match(/M/g)?.length).toBe(2);
    expect(arcPath(31.23, 121.47, 48.86, 2.35).match(/M/g)?.length).toBe(1);
  });

  it('reads the same shapes from the build as it computes from world-atlas', () => {
    const computed = computeWorldShapes();
    expect(computed.land.length).toBeGreaterThan(10_000);
    if (existsSync(WORLD_SHAPES_PATH)) expect(JSON.parse(readFileSync(WORLD_SHAPES_PATH, 'utf8'))).toEqual(computed);
  });
});
