import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm } from '../../src/geo/haversine.js';

const R = 6371.0088;

describe('haversineKm', () => {
  it('rejects a latitude outside [−90, 90] and a longitude that is not finite', () => {
    expect(() => haversineKm(91, 0, 0, 0)).toThrow(/latitudes/);
    expect(() => haversineKm(0, 0, -90.5, 0)).toThrow(RangeError);
    expect(() => haversineKm(0, NaN, 0, 0)).toThrow(/finite/);
  });
  it('uses the mean Earth radius of 6,371.0088 km', () => {
    expect(EARTH_RADIUS_KM).toBe(R);
  });
  it('is 0 between a point and itself', () => {
    expect(haversineKm(56.39522, -3.43139, 56.39522, -3.43139)).toBe(0);
  });
  it('measures a quarter meridian, equator to pole, as πR/2', () => {
    expect(haversineKm(0, 0, 90, 0)).toBeCloseTo((Math.PI * R) / 2, 6);
    expect(haversineKm(0, 17, -90, 123)).toBeCloseTo((Math.PI * R) / 2, 6); // the pole's longitude is immaterial
  });
  it('measures a quarter of the equator as πR/2 and antipodes as πR', () => {
    expect(haversineKm(0, 0, 0, 90)).toBeCloseTo((Math.PI * R) / 2, 6);
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * R, 6);
    expect(haversineKm(30, 40, -30, -140)).toBeCloseTo(Math.PI * R, 6);
  });
  it('goes over the pole between opposite meridians: 60°N 0° to 60°N 180° is 60° of arc, πR/3', () => {
    expect(haversineKm(60, 0, 60, 180)).toBeCloseTo((Math.PI * R) / 3, 6);
  });
  it('is symmetric and crosses the antimeridian the short way (1° of equator, πR/180)', () => {
    expect(haversineKm(0, 179.5, 0, -179.5)).toBeCloseTo((Math.PI * R) / 180, 6);
    expect(haversineKm(10, 20, -5, 100)).toBeCloseTo(haversineKm(-5, 100, 10, 20), 9);
  });
});
