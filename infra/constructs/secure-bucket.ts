import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type CorsRule, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SecureBucketProps {
  /** Where S3 server access logs go, under `s3/<id>/`. */
  readonly accessLogsBucket: IBucket;
  readonly cors?: CorsRule[];
}

/**
 * A documents bucket with the non-negotiable defaults: no public access, versioning, SSE-S3,
 * TLS-only bucket policy, access logs, and kept when the stack is deleted. Names are generated.
 */
export class SecureBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: `s3/${id}/`,
      cors: props.cors,
      // Old versions exist for recovery from mistakes, not forever.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(365) }, { abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
