package cn.cbecpilot.ceb.signature;

import java.security.Provider;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One BouncyCastle provider instance, passed explicitly to every JCA lookup, so that the library never
 * changes the JVM-wide provider list its host application relies on.
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    static final String SM2_CURVE = "sm2p256v1";

    private static final X9ECParameters SM2 = GMNamedCurves.getByName(SM2_CURVE);

    private BouncyCastle() {}

    static boolean isSm2Curve(ECParameterSpec params) {
        return params != null
                && params.getOrder().equals(SM2.getN())
                && params.getGenerator()
                        .getAffineX()
                        .equals(SM2.getG().getAffineXCoord().toBigInteger());
    }
}
