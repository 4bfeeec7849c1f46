import { describe, expect, it } from 'vitest';
import { splitItems } from '../../../src/core/decks';

describe('splitItems', () => {
  it('splits on 、 and commas', () => {
    expect(splitItems('AWS IAM、AWS WAF')).toEqual(['AWS IAM', 'AWS WAF']);
    expect(splitItems('TLS、VPC、データストレージ暗号化')).toEqual(['TLS', 'VPC', 'データストレージ暗号化']);
    expect(splitItems('a, b，c')).toEqual(['a', 'b', 'c']);
  });

  it('keeps separators inside parentheses (ASCII or full-width) in the item', () => {
    expect(splitItems('暗号化オプション(EBS,S3,RDS)、鍵管理 (KMS、CloudHSM)')).toEqual([
      '暗号化オプション(EBS,S3,RDS)',
      '鍵管理 (KMS、CloudHSM)',
    ]);
    expect(splitItems('通信の暗号化（TLS、VPN）')).toEqual(['通信の暗号化（TLS、VPN）']);
  });

  it('drops empty items', () => {
    expect(splitItems('、a、、')).toEqual(['a']);
    expect(splitItems('')).toEqual([]);
  });
});
