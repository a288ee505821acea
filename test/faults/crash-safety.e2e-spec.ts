import { describeCrashSafety } from './support/crash-drill';

describeCrashSafety(async () => ({}));
