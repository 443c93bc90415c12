#include "KeyStore.h"
