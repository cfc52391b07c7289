import { ConfigReader } from '@backstage/config';
import { readSettings } from './readSettings';

function settings(tracingAdoption: object) {
  return readSettings(new ConfigReader({ tracingAdoption }));
}

describe('readSettings', () => {
  it('defaults the capacity safety factor and alerts', () => {
    const { capacity, alerts } = settings({});
    expect(capacity).toEqual({ safetyFactor: 1.5 });
    expect(alerts).toEqual({ enabled: true, complianceThreshold: 0.8 });
  });

  it('reads capacity and alert settings', () => {
    const { capacity, alerts } = settings({
      capacity: { safetyFactor: 2 },
      alerts: { enabled: false, complianceThreshold: 0.65 },
    });
    expect(capacity.safetyFactor).toBe(2);
    expect(alerts).toEqual({ enabled: false, complianceThreshold: 0.65 });
  });

  it('refuses values outside their range, naming the key', () => {
    expect(() => settings({ capacity: { safetyFactor: 0.9 } })).toThrow(
      'Invalid config tracingAdoption.capacity.safetyFactor: expected a number from 1 to 100, got 0.9',
    );
    expect(() => settings({ alerts: { complianceThreshold: 80 } })).toThrow(
      'Invalid config tracingAdoption.alerts.complianceThreshold: expected a number from 0 to 1, got 80',
    );
  });
});
