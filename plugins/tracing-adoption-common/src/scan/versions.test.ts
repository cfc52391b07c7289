import {
  coerceVersion,
  exactVersion,
  isBelowMinimum,
  lowestAllowedVersion,
} from './versions';

describe('coerceVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.28.0', '1.28.0'],
    ['v2.30.0+incompatible', '2.30.0'],
    ['0.46b0', '0.46.0-beta.0'],
    ['1.0.0rc2', '1.0.0-rc.2'],
    ['2.0.dev3', '2.0.0-0.dev.3'],
    ['1.2.3.post1', '1.2.3'],
    ['5.18.1.Final', '5.18.1'],
    ['6.0.0.RELEASE', '6.0.0'],
    ['2.0.0-M1', '2.0.0-milestone.1'],
    ['1.32.0-alpha', '1.32.0-alpha'],
    ['1.0-SNAPSHOT', '1.0.0-snapshot'],
    ['1.0.0-rc9.14', '1.0.0-rc.9.14'],
    ['4.1.0.3', '4.1.0'],
    ['7', '7.0.0'],
    ['v0.0.0-20240701130421-f6361c86f094', '0.0.0-20240701130421.f6361c86f094'],
  ])('%s reads as %s', (version, expected) => {
    expect(coerceVersion(version)).toBe(expected);
  });

  it.each(['', 'latest', '${otel.version}', 'main'])(
    '%s has no version',
    version => {
      expect(coerceVersion(version)).toBeUndefined();
    },
  );

  it('orders pre-releases before releases', () => {
    expect(isBelowMinimum('0.41b0', '0.41.0')).toBe(true);
    expect(isBelowMinimum('2.0.dev1', '2.0a1')).toBe(true);
    expect(isBelowMinimum('1.33.0-alpha', '1.32.0')).toBe(false);
    expect(isBelowMinimum('latest', '1.0.0')).toBeUndefined();
  });
});

describe('exactVersion', () => {
  it.each([
    ['npm', '0.27.0', '0.27.0'],
    ['npm', '=1.2.3', '1.2.3'],
    ['npm', '^1.2.3', undefined],
    ['npm', '1.2', undefined],
    ['pypi', '==1.25.0', '1.25.0'],
    ['pypi', '===1.25.0', '1.25.0'],
    ['pypi', '==1.*', undefined],
    ['pypi', '>=1.25', undefined],
    ['go', 'v1.28.0', 'v1.28.0'],
    ['maven', '6.0.3', '6.0.3'],
    ['maven', '1.2!!', '1.2'],
    ['maven', '[1.2.3]', '1.2.3'],
    ['maven', '[1.0,2.0)', undefined],
    ['maven', '1.+', undefined],
    ['maven', '${otel.version}', undefined],
    ['nuget', '1.9.0', '1.9.0'],
    ['nuget', '1.*', undefined],
    ['cargo', '0.23.0', undefined],
    ['cargo', '=0.23.0', '0.23.0'],
    ['rubygems', '9.11.0', '9.11.0'],
    ['rubygems', '~> 9.11', undefined],
    ['composer', 'v1.1.0', 'v1.1.0'],
    ['composer', '^1.0', undefined],
  ] as const)('%s %s is pinned to %s', (ecosystem, declared, expected) => {
    expect(exactVersion(ecosystem, declared)).toBe(expected);
  });
});

describe('lowestAllowedVersion', () => {
  it.each([
    ['npm', '^0.52.1', '0.52.1'],
    ['npm', '~1.3.0', '1.3.0'],
    ['npm', '>=1.0.0 <2 || ^3.0.0', '1.0.0'],
    ['npm', '*', undefined],
    ['npm', 'workspace:*', undefined],
    ['pypi', '>=2.9,<3', '2.9'],
    ['pypi', '~=1.20', '1.20'],
    ['pypi', '<2', undefined],
    ['pypi', '!=1.0,>=0.9', '0.9'],
    ['maven', '[1.28,2.0)', '1.28'],
    ['maven', '(,2.0]', undefined],
    ['nuget', '[1.6.0, )', '1.6.0'],
    ['cargo', '0.23', '0.23'],
    ['cargo', '>=0.20, <0.25', '0.20'],
    ['rubygems', '~> 9.11', '9.11'],
    ['rubygems', '>= 1.0, < 2', '1.0'],
    ['composer', '^1.0 || ^2.0', '1.0'],
    ['composer', '>=1.2 <2.0', '1.2'],
    ['composer', '1.0.*', '1.0'],
  ] as const)('%s %s allows %s first', (ecosystem, declared, expected) => {
    expect(lowestAllowedVersion(ecosystem, declared)).toBe(expected);
  });
});
