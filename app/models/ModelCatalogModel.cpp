#include "ModelCatalogModel.h"
