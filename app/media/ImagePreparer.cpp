#include "media/ImagePreparer.h"
